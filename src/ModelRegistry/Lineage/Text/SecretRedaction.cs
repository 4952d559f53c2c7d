using System.Text.RegularExpressions;

namespace ModelRegistry.Lineage.Text;

/// <summary>
/// The one scrubber every captured value goes through before it enters a version record (the training command,
/// recorded environment variable values, inlined configuration, data URIs, the git remote, the container image).
/// A record is immutable and its digest is the version's ID, so a secret that reached one could never be removed:
/// this errs on the side of masking. It removes URL credentials (see <see cref="UrlRedaction"/>), the values of
/// connection-string secrets (<c>AccountKey=</c>, <c>SharedAccessSignature=</c>, <c>Password=</c>, <c>sig=</c>, …),
/// bearer and basic authorization values, private key PEM blocks, and tokens whose shape names their issuer
/// (GitHub, AWS, Slack, npm, PyPI, Hugging Face, GitLab, Google, Stripe, OpenAI, JWTs). Each becomes <c>***</c>;
/// everything around it is kept as written.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "***";

    /// <summary>The text with every credential it carries masked; text without any comes back unchanged.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = PrivateKey().Replace(text, m => $"-----BEGIN {m.Groups["kind"].Value}PRIVATE KEY-----{Mask}-----END {m.Groups["kind"].Value}PRIVATE KEY-----");
        scrubbed = SasParameter().Replace(scrubbed, m => m.Groups["name"].Value + Mask);
        scrubbed = ConnectionStringSecret().Replace(scrubbed, m => m.Groups["name"].Value + Mask);
        scrubbed = UrlRedaction.RedactWithin(scrubbed);
        scrubbed = Authorization().Replace(scrubbed, m => m.Groups["scheme"].Value + " " + Mask);
        scrubbed = SlackWebhook().Replace(scrubbed, "${prefix}" + Mask);
        return KnownToken().Replace(scrubbed, Mask);
    }

    /// <summary>A container image reference scrubbed, and without the <c>user:password@</c> a registry login can put
    /// before its host (a reference never needs it: the login belongs to the machine that pulls).</summary>
    public static string ScrubImage(string image) => ImageLogin().Replace(Scrub(image), "");

    [GeneratedRegex(@"^[^\s/@:]+:[^\s/@]+@(?=[^\s/@]+/)")]
    private static partial Regex ImageLogin();

    /// <summary>A nullable convenience for optional values.</summary>
    public static string? ScrubOptional(string? text) => text is null ? null : Scrub(text);

    /// <summary>A key inside a connection string whose value is a credential; the value runs to the next ';'
    /// (a SAS is itself a query string with '&amp;' in it).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:(?<name>SharedAccessSignature\s*=\s*)(?<value>""[^""]*""|'[^']*'|[^;\s""']+)|(?<name>(?:AccountKey|SharedAccessKey|Password|Pwd|ClientSecret|AccessKey|SecretKey|ApiKey|Secret|Token|AccessToken)\s*=\s*)(?<value>""[^""]*""|'[^']*'|[^;&\s""']+))", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    /// <summary>A signature outside a URL: an Azure SAS query string on its own (<c>sv=…&amp;sig=…</c>).</summary>
    [GeneratedRegex(@"(?<=^|[?&;\s""'])(?<name>sig=)[^&;\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SasParameter();

    /// <summary>Any word after <c>Bearer</c>; after <c>Basic</c> only in an Authorization header, since "Basic" is also a word.</summary>
    [GeneratedRegex(@"(?<scheme>\bBearer|\bAuthorization:\s*Basic)\s+[^\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Authorization();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)")]
    private static partial Regex PrivateKey();

    /// <summary>Slack incoming webhooks carry their secret in the path.</summary>
    [GeneratedRegex(@"(?<prefix>https://hooks\.slack\.com/(?:services|workflows|triggers)/)[^\s""']+")]
    private static partial Regex SlackWebhook();

    /// <summary>Token shapes documented by their issuers (prefixes chosen so that secret scanners can find them).</summary>
    [GeneratedRegex(
        @"\bgh[pousr]_[A-Za-z0-9]{30,255}\b" +
        @"|\bgithub_pat_[A-Za-z0-9_]{22,255}" +
        @"|\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b" +
        @"|\bxox[abposr]-[A-Za-z0-9-]{10,}" +
        @"|\bxapp-[0-9]-[A-Za-z0-9-]{10,}" +
        @"|\bnpm_[A-Za-z0-9]{36}\b" +
        @"|\bpypi-AgE[A-Za-z0-9_-]{50,}" +
        @"|\bhf_[A-Za-z0-9]{30,}\b" +
        @"|\bglpat-[A-Za-z0-9_-]{20,}" +
        @"|\bAIza[0-9A-Za-z_-]{35}" +
        @"|\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}" +
        @"|\bsk-(?:proj|ant|svcacct|admin)-[A-Za-z0-9_-]{20,}|\bsk-[A-Za-z0-9]{32,}\b" +
        @"|\bdop_v1_[a-f0-9]{64}\b" +
        @"|\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex KnownToken();
}
