using System.Text.RegularExpressions;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// Removes credentials from any text before it can reach a message, a log or a manifest: query strings of URLs
/// (a SAS is a query string), SAS signatures, account keys, whole connection-string secrets and bearer tokens.
/// Applied to every service or SDK message the Azure backend passes on.
/// </summary>
public static partial class SecretScrubber
{
    private const string Redacted = "REDACTED";

    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var scrubbed = UrlQuery().Replace(text, "$1");
        scrubbed = Signature().Replace(scrubbed, "$1" + Redacted);
        scrubbed = ConnectionSecret().Replace(scrubbed, "$1" + Redacted);
        return Bearer().Replace(scrubbed, "$1" + Redacted);
    }

    /// <summary>A location as it may be shown: scheme, host, port and path only.</summary>
    public static string DisplayUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}";
    }

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^\s?#""'<>]*)\?[^\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"(\bsig=)[^&\s""'<>;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();

    [GeneratedRegex(@"(\b(?:AccountKey|SharedAccessSignature|SharedAccessKey|Password)\s*=\s*)[^;\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionSecret();

    [GeneratedRegex(@"(\bBearer\s+)[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();
}
