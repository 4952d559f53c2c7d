using System.Text.RegularExpressions;

namespace ModelRegistry.Lineage.Text;

/// <summary>
/// Removes credentials from URLs before they are recorded anywhere: the user-info of http(s) URLs (a token often
/// stands in the user name: <c>https://x-access-token:TOKEN@github.com/…</c>), the password of ssh URLs (the user
/// name, usually <c>git</c>, is kept: it says how to connect and is no secret), and query parameters that carry
/// signatures or tokens (an Azure SAS <c>sig</c>, S3 and GCS presigned parameters, <c>token</c>, <c>key</c>, …).
/// Text that is not a URL comes back unchanged.
/// </summary>
public static partial class UrlRedaction
{
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "sig", "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
        "x-goog-credential", "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "api-key",
        "key", "password", "pwd", "secret", "client_secret", "auth", "authorization", "code", "sas", "credential",
    };

    /// <summary>The URL with credentials removed; anything that is not a URL, unchanged.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ScpLike().Match(text) is { Success: true } scp)
        {
            // user@host:path (git's scp-like ssh form): keep the user, drop anything after a ':' in it.
            var user = scp.Groups["user"].Value;
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? text : $"{user[..colon]}@{scp.Groups["rest"].Value}";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host))
        {
            return text;
        }

        var keepsUser = uri.Scheme is "ssh" or "git+ssh" or "ssh+git" or "sftp";
        var builder = new UriBuilder(uri)
        {
            UserName = keepsUser ? uri.UserInfo.Split(':')[0] : "",
            Password = "",
            Query = FilterQuery(uri.Query, keep: name => !SecretParameters.Contains(name)),
        };
        return Render(builder, uri);
    }

    /// <summary>Keeps only the named query parameters (blob URIs keep versionid and snapshot, nothing of a SAS).</summary>
    public static string RedactKeepingOnly(string text, params string[] keptParameters)
    {
        var redacted = Redact(text);
        if (!Uri.TryCreate(redacted, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Query))
        {
            return redacted;
        }

        var builder = new UriBuilder(uri) { Query = FilterQuery(uri.Query, keep: name => keptParameters.Contains(name, StringComparer.OrdinalIgnoreCase)) };
        return Render(builder, uri);
    }

    /// <summary>Redacts every URL inside a free text, such as a command line.</summary>
    public static string RedactWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UrlInText().Replace(text, m => Redact(m.Value));
    }

    /// <summary>True when the text carries something <see cref="Redact"/> would remove.</summary>
    public static bool HasCredentials(string text) => Redact(text) != text;

    private static string FilterQuery(string query, Func<string, bool> keep)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => keep(Uri.UnescapeDataString(pair.Split('=')[0])));
        return string.Join('&', kept);
    }

    private static string Render(UriBuilder builder, Uri original)
    {
        // UriBuilder writes an explicit default port and an empty '?' in some cases; the original spelling is kept otherwise.
        var port = original.IsDefaultPort ? -1 : original.Port;
        builder.Port = port;
        var text = builder.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        // A fragment is kept (git+https URLs name a subdirectory there) unless it carries parameters, as OAuth's do.
        return original.Fragment.Length > 0 && !original.Fragment.Contains('=', StringComparison.Ordinal) ? text + original.Fragment : text;
    }

    [GeneratedRegex(@"^(?<user>[^@/\s]+)@(?<rest>[^:/\s]+:(?!//).*)$")]
    private static partial Regex ScpLike();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s""']+")]
    private static partial Regex UrlInText();
}
