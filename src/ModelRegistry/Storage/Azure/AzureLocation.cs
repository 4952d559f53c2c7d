using System.Net;
using System.Text.RegularExpressions;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// An Azure Blob Storage registry location as users write it, taken apart: the service endpoint (when the location
/// names one), the account, the container, the optional prefix inside it, and the SAS query if one was given. The SAS
/// stays here only until a credential is built from it; <see cref="Display"/> never includes it.
/// </summary>
internal sealed partial record AzureLocation
{
    public const string Scheme = "azure";

    private AzureLocation(Uri? serviceUri, string? account, string container, string prefix, string? sas)
    {
        ServiceUri = serviceUri;
        Account = account;
        Container = container;
        Prefix = prefix;
        Sas = sas;
    }

    /// <summary>The blob service endpoint, for example https://acct.blob.core.windows.net or
    /// http://127.0.0.1:10000/devstoreaccount1; null for azure:// locations, whose endpoint the connection string gives.</summary>
    public Uri? ServiceUri { get; }

    public string? Account { get; }

    public string Container { get; }

    /// <summary>Folder inside the container, without leading or trailing '/'; empty for the container root.</summary>
    public string Prefix { get; }

    /// <summary>The SAS query without '?', when the location carried one.</summary>
    public string? Sas { get; }

    public bool UsesConnectionString => ServiceUri is null;

    /// <summary>True for the local emulator: path-style addressing on a loopback address.</summary>
    public bool IsLoopback => ServiceUri is not null && IsLoopbackHost(ServiceUri);

    /// <summary>True when the string is meant as an Azure location (https, http or azure scheme).</summary>
    public static bool Recognises(string location) =>
        location.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a location that <see cref="Recognises"/>; refuses malformed ones with MRB1401.</summary>
    public static AzureLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = location[(Scheme.Length + 3)..];
            if (rest.Contains('?', StringComparison.Ordinal))
            {
                throw Errors.InvalidAzureLocation(SecretScrubber.Scrub(location), "an azure:// location takes its credential from the connection string, not from a query");
            }

            var (container, prefix) = SplitContainer(location, rest.Split('/', StringSplitOptions.RemoveEmptyEntries));
            return new AzureLocation(null, null, container, prefix, null);
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw Errors.InvalidAzureLocation(SecretScrubber.Scrub(location), "it is not a URL");
        }

        var shown = SecretScrubber.DisplayUri(uri);

        // Uri resolves dot segments away (models/../other becomes other): refuse them before that hides a typo.
        if (location.Split('?', '#')[0].Split('/').Skip(3).Any(s => s is "." or ".."))
        {
            throw Errors.InvalidAzureLocation(shown, "the prefix may not contain '.', '..' or '\\' segments");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw Errors.InvalidAzureLocation(shown, "credentials go in a SAS query or the connection string, not before the host");
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var sas = uri.Query.Length > 1 ? uri.Query[1..] : null;
        var authority = $"{uri.Scheme}://{uri.Authority}";

        // Emulators and IP endpoints put the account in the path (http://127.0.0.1:10000/devstoreaccount1/container),
        // as the Azure SDK does for IP hosts; service hosts carry it as the first label (account.blob.core.windows.net).
        if (IsLoopbackHost(uri) || IPAddress.TryParse(uri.Host, out _))
        {
            if (segments.Length < 2)
            {
                throw Errors.InvalidAzureLocation(shown, "a path-style URL names the account and then the container");
            }

            var (pathContainer, pathPrefix) = SplitContainer(shown, segments[1..]);
            return new AzureLocation(new Uri($"{authority}/{segments[0]}"), segments[0], pathContainer, pathPrefix, sas);
        }

        var (hostContainer, hostPrefix) = SplitContainer(shown, segments);
        return new AzureLocation(new Uri(authority), uri.Host.Split('.')[0], hostContainer, hostPrefix, sas);
    }

    /// <summary>The location as it may be shown: endpoint, container and prefix, never a credential.</summary>
    public string Display(Uri serviceUri) =>
        SecretScrubber.DisplayUri(serviceUri) + "/" + Container + (Prefix.Length > 0 ? "/" + Prefix : "");

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static (string Container, string Prefix) SplitContainer(string shown, string[] segments)
    {
        if (segments.Length == 0)
        {
            throw Errors.InvalidAzureLocation(shown, "it names no container");
        }

        var container = segments[0];
        if (!ContainerName().IsMatch(container))
        {
            throw Errors.InvalidAzureLocation(shown, $"'{container}' is not a container name: use 3 to 63 lower-case letters, digits and single hyphens");
        }

        var prefix = segments[1..];
        if (prefix.Any(s => s is "." or ".." || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw Errors.InvalidAzureLocation(shown, "the prefix may not contain '.', '..' or '\\' segments");
        }

        return (container, string.Join('/', prefix));
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
