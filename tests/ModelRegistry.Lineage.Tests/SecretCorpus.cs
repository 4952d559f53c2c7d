namespace ModelRegistry.Lineage.Tests;

/// <summary>One secret shape: the captured value as a user would write it, the secret inside it, and a part of it
/// that is no secret and must be kept.</summary>
public sealed record SecretShape(string Name, string Value, string Secret, string Kept)
{
    public bool IsUrl => Value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(Value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host);

    public override string ToString() => Name;
}

/// <summary>Secrets as they reach a training run: URL credentials, connection strings, authorization headers and the
/// token shapes issuers document. Every secret is letters and digits only, so finding it in JSON text needs no
/// unescaping.</summary>
public static class SecretCorpus
{
    public static readonly IReadOnlyList<SecretShape> Shapes =
    [
        new("pip index url with a password", "https://trainer:PwUrl0001xyz@pypi.example.com/simple", "PwUrl0001xyz", "pypi.example.com/simple"),
        new("git url with a token as user", "https://x-access-token:UrlTok0002abc@github.com/contoso/fraud.git", "UrlTok0002abc", "github.com/contoso/fraud.git"),
        new("mlflow tracking uri with a password", "https://mlflow:MlPass0003@mlflow.example.com:5000/", "MlPass0003", "mlflow.example.com:5000"),
        new("postgres url", "postgresql://trainer:PgPass0004@db.example.com:5432/runs", "PgPass0004", "db.example.com:5432/runs"),
        new("azure sas url", "https://data.example.com/train.csv?sv=2024-08-04&se=2030-01-01&sp=r&sig=SasSig0005abc%3D", "SasSig0005abc", "data.example.com/train.csv?sv=2024-08-04"),
        new("s3 presigned url", "https://bucket.s3.amazonaws.com/d.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=AmzSig0006def", "AmzSig0006def", "bucket.s3.amazonaws.com/d.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"),
        new("gcs signed url", "https://storage.googleapis.com/bkt/d.csv?X-Goog-Date=20300101&X-Goog-Signature=GoogSig0007ghi", "GoogSig0007ghi", "storage.googleapis.com/bkt/d.csv?X-Goog-Date=20300101"),
        new("token query parameter", "https://hub.example.com/d.parquet?token=QTok0008jkl&split=train", "QTok0008jkl", "hub.example.com/d.parquet?split=train"),
        new("ssh url with a password", "ssh://git:SshPw0009mno@git.example.com/contoso/x.git", "SshPw0009mno", "ssh://git@git.example.com/contoso/x.git"),
        new("storage connection string", "DefaultEndpointsProtocol=https;AccountName=keepacct;AccountKey=AcctKey0011Base64pqr==;EndpointSuffix=core.windows.net", "AcctKey0011Base64pqr", "AccountName=keepacct"),
        new("sas connection string", "BlobEndpoint=https://keepacct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=SasConn0012stu", "SasConn0012stu", "BlobEndpoint=https://keepacct.blob.core.windows.net/"),
        new("sql connection string", "Server=tcp:sql.example.com,1433;Database=keepdb;User ID=trainer;Password=SqlPw0013vwx;", "SqlPw0013vwx", "Database=keepdb"),
        new("odbc connection string", "Driver={PostgreSQL};Server=db;Uid=trainer;Pwd=OdbcPw0014yz;", "OdbcPw0014yz", "Uid=trainer"),
        new("service bus connection string", "Endpoint=sb://keepns.servicebus.windows.net/;SharedAccessKeyName=RootManage;SharedAccessKey=SbKey0015abc", "SbKey0015abc", "SharedAccessKeyName=RootManage"),
        new("bare sas query string", "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rl&sig=BareSas0016def", "BareSas0016def", "srt=sco"),
        new("bearer header", "Authorization: Bearer BearerTok0017ghi", "BearerTok0017ghi", "Authorization: Bearer"),
        new("basic header", "Authorization: Basic QmFzaWNVc2VyOkJhc2ljMDAxOA==", "QmFzaWNVc2VyOkJhc2ljMDAxOA", "Authorization: Basic"),
        new("github classic token", "ci uses ghp_GhpClassic0018abcdefghijklmnopqrstuvw", "GhpClassic0018abcdefghijklmnopqrstuvw", "ci uses"),
        new("github oauth token", "oauth gho_GhoOauth0019abcdefghijklmnopqrstuvwx", "GhoOauth0019abcdefghijklmnopqrstuvwx", "oauth"),
        new("github app token", "app ghs_GhsApp0020abcdefghijklmnopqrstuvwxyz", "GhsApp0020abcdefghijklmnopqrstuvwxyz", "app"),
        new("github fine-grained token", "fine github_pat_11ABCDEFG0021_FinePat0021abcdefghijklmnopqrstuvwxyz0123456789", "FinePat0021abcdefghijklmnopqrstuvwxyz0123456789", "fine"),
        new("aws access key id", "aws AKIA2E0A8F3B244C9922 in us-east-1", "AKIA2E0A8F3B244C9922", "in us-east-1"),
        new("jwt", "id eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJKd3QwMDIzIn0.JwtSig0023abcdefghijklmnop end", "JwtSig0023abcdefghijklmnop", "end"),
        new("slack bot token", "slack xoxb-123456789012-SlackBot0024abcdefghij", "SlackBot0024abcdefghij", "slack"),
        new("slack webhook", "https://hooks.slack.com/services/T0000/B0000/SlackHook0025abc", "SlackHook0025abc", "https://hooks.slack.com/services/"),
        new("private key pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAPemBody0026abc\n-----END RSA PRIVATE KEY-----", "PemBody0026abc", "BEGIN RSA PRIVATE KEY"),
        new("npm token", "//registry.npmjs.org/:_authToken=npm_NpmTok0027abcdefghijklmnopqrstuvwxyz", "NpmTok0027abcdefghijklmnopqrstuvwxyz", "//registry.npmjs.org/:_authToken="),
        new("pypi token", "pypi pypi-AgEIcHlwaS5vcmcPypiTok0028abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "PypiTok0028abcdefghijklmnopqrstuvwxyz", "pypi"),
        new("hugging face token", "hub hf_HfTok0029abcdefghijklmnopqrstuvwxyz", "HfTok0029abcdefghijklmnopqrstuvwxyz", "hub"),
        new("gitlab token", "gitlab glpat-GlTok0030abcdefghijklmn", "GlTok0030abcdefghijklmn", "gitlab"),
        new("google api key", "maps AIzaGoogKey0031abcdefghijklmnopqrstuvwxy", "GoogKey0031abcdefghijklmnopqrstuvwxy", "maps"),
        new("stripe key", "pay sk_live_StripeKey0032abcdefgh", "StripeKey0032abcdefgh", "pay"),
        new("openai key", "llm sk-proj-OpenAiKey0033abcdefghijklmnop", "OpenAiKey0033abcdefghijklmnop", "llm"),
        new("openai classic key", "llm sk-OpenAiClassic0036abcdefghijklmnopqrstuv", "OpenAiClassic0036abcdefghijklmnopqrstuv", "llm"),
        new("anthropic key", "claude sk-ant-api03-AnthropicKey0037abcdefghij", "AnthropicKey0037abcdefghij", "claude"),
        new("mongodb srv url", "mongodb+srv://trainer:MongoPw0034@cluster0.example.net/runs?retryWrites=true", "MongoPw0034", "cluster0.example.net/runs?retryWrites=true"),
    ];

    public static IEnumerable<object[]> All => Shapes.Select(s => new object[] { s });

    public static IEnumerable<object[]> Urls => Shapes.Where(s => s.IsUrl).Select(s => new object[] { s });
}
