namespace ModelRegistry.Storage;

/// <summary>
/// Turns a registry location as users write it into a backend: a folder path (the embedded default), or an Azure
/// Blob Storage container URL (see docs/azure.md). Resolution order: the explicit location, then the
/// <c>MODEL_REGISTRY</c> environment variable, then <c>./.model-registry</c>.
/// </summary>
public static partial class RegistryLocation
{
    public const string EnvironmentVariable = "MODEL_REGISTRY";

    public const string DefaultFolder = ".model-registry";

    public static string Choose(string? explicitLocation) =>
        !string.IsNullOrWhiteSpace(explicitLocation) ? explicitLocation
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultFolder;

    public static IRegistryStorage Open(string? location)
    {
        var chosen = Choose(location);
        return TryOpenRemote(chosen) ?? new FolderStorage(FolderPath(chosen));
    }

    /// <summary>
    /// The folder a location names. A URL no backend took is refused rather than read as a relative folder path: that
    /// would create a folder named after the URL, signature and all. A file URL must name a local absolute path.
    /// </summary>
    private static string FolderPath(string location)
    {
        if (!UrlScheme().IsMatch(location))
        {
            return location;
        }

        if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(location, UriKind.Absolute, out var file) && file.IsFile && !file.IsUnc)
        {
            return file.LocalPath;
        }

        var scheme = location[..location.IndexOf(':', StringComparison.Ordinal)];
        throw Errors.UnsupportedLocation(scheme);
    }

    /// <summary><c>scheme://</c>; a Windows path (<c>C:\</c>, <c>C:/</c>) has one letter before its colon and no '//'.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+://", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UrlScheme();

    /// <summary>Opens a remote backend for URL locations, or returns null for folders.</summary>
    private static partial IRegistryStorage? TryOpenRemote(string location);
}
