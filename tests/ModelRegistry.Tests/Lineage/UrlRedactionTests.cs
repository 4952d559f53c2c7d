using ModelRegistry.Lineage.Text;

namespace ModelRegistry.Tests.Lineage;

public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("https://user:token@github.com/contoso/fraud.git", "https://github.com/contoso/fraud.git")]
    [InlineData("https://ghp_abc123@github.com/contoso/fraud", "https://github.com/contoso/fraud")]
    [InlineData("http://user:pw@example.com:8080/x", "http://example.com:8080/x")]
    [InlineData("ssh://git:secret@example.com/x.git", "ssh://git@example.com/x.git")]
    [InlineData("ssh://git@example.com:2222/x.git", "ssh://git@example.com:2222/x.git")]
    [InlineData("git@github.com:contoso/fraud.git", "git@github.com:contoso/fraud.git")]
    [InlineData("deploy:secret@example.com:contoso/fraud.git", "deploy@example.com:contoso/fraud.git")]
    [InlineData("https://example.com/data.csv?token=abc&split=train", "https://example.com/data.csv?split=train")]
    [InlineData("https://acct.blob.core.windows.net/c/d.csv?sv=2024-01-01&sig=AbC%2Fd%3D", "https://acct.blob.core.windows.net/c/d.csv?sv=2024-01-01")]
    [InlineData("https://bucket.s3.amazonaws.com/k?X-Amz-Credential=a&X-Amz-Signature=b&v=1", "https://bucket.s3.amazonaws.com/k?v=1")]
    [InlineData("https://example.com/cb#access_token=abc", "https://example.com/cb")]
    [InlineData("git+https://example.com/repo.git#subdirectory=x", "git+https://example.com/repo.git")]
    [InlineData("https://example.com/repo.git#main", "https://example.com/repo.git#main")]
    [InlineData("data/train.csv", "data/train.csv")]
    [InlineData("/mnt/data/train", "/mnt/data/train")]
    public void Credentials_are_removed(string given, string recorded)
    {
        Assert.Equal(recorded, UrlRedaction.Redact(given));
    }

    [Fact]
    public void Blob_uris_keep_only_version_and_snapshot_parameters()
    {
        var redacted = UrlRedaction.RedactKeepingOnly("https://acct.blob.core.windows.net/c/d.csv?versionid=2024-01-01T00%3A00%3A00Z&sv=2024&se=2030&sp=r&sig=x", "versionid", "snapshot");

        Assert.Equal("https://acct.blob.core.windows.net/c/d.csv?versionid=2024-01-01T00%3A00%3A00Z", redacted);
    }

    [Fact]
    public void Urls_inside_a_command_line_are_redacted()
    {
        var command = "python train.py --data https://u:p@example.com/d.csv?sig=zzz --epochs 3";

        Assert.Equal("python train.py --data https://example.com/d.csv --epochs 3", UrlRedaction.RedactWithin(command));
    }
}
