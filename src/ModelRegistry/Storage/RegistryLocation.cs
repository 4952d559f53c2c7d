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
        return TryOpenRemote(chosen) ?? new FolderStorage(chosen.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(chosen).LocalPath : chosen);
    }

    /// <summary>Opens a remote backend for URL locations, or returns null for folders.</summary>
    private static partial IRegistryStorage? TryOpenRemote(string location);
}
