using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>
/// The engine's entry point: one registry (a folder or a container) and the operations on its models. Every face
/// (CLI, MSBuild through the CLI, Cake through the CLI, services through <see cref="ModelRegistryClient"/>) calls
/// these and nothing else. Operations live in partial files named for what they do.
/// </summary>
public sealed partial class Registry
{
    private Registry(IRegistryStorage storage, RegistrySettings settings, bool exists)
    {
        Storage = storage;
        Settings = settings;
        Exists = exists;
        Log = new ManifestLog(storage, settings);
        Blobs = new BlobStore(storage);
    }

    public IRegistryStorage Storage { get; }

    public RegistrySettings Settings { get; }

    /// <summary>False for a location that holds nothing yet; the first write creates the registry there.</summary>
    public bool Exists { get; private set; }

    internal ManifestLog Log { get; }

    internal BlobStore Blobs { get; }

    public string Location => Storage.DisplayLocation;

    /// <summary>Opens the registry at a location string (folder, URL), as the CLI's --registry.</summary>
    public static Task<Registry> OpenAsync(string? location, CancellationToken cancellationToken = default) =>
        OpenAsync(RegistryLocation.Open(location), cancellationToken);

    /// <summary>Opens the registry in a storage; a location that holds something else is refused.</summary>
    public static async Task<Registry> OpenAsync(IRegistryStorage storage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage is FolderStorage folder && File.Exists(folder.Root))
        {
            throw Errors.NotARegistry(storage.DisplayLocation, "it is a file, not a folder");
        }

        var stored = await ReadSettingsAsync(storage, cancellationToken);
        if (stored is null)
        {
            await foreach (var unexpected in storage.ListAsync("", cancellationToken))
            {
                if (unexpected.Path.StartsWith(".tmp/", StringComparison.Ordinal))
                {
                    continue;
                }

                // A concurrent first writer creates registry.json before anything else: read it again before refusing.
                stored = await ReadSettingsAsync(storage, cancellationToken)
                    ?? throw (await FindNestedRegistryAsync(storage, cancellationToken) is { } inner
                        ? Errors.RegistryAroundAnother(storage.DisplayLocation, inner)
                        : Errors.NotARegistry(storage.DisplayLocation, $"it holds '{unexpected.Path}' but no registry.json"));
                break;
            }

            if (stored is null)
            {
                return new Registry(storage, new RegistrySettings(), exists: false);
            }
        }

        RegistrySettings settings;
        try
        {
            settings = RegistryJson.Deserialize<RegistrySettings>(stored.Content, RegistryPaths.Settings);
        }
        catch (RegistryException)
        {
            throw Errors.NotARegistry(storage.DisplayLocation, "its registry.json is not a registry settings document");
        }

        if (settings.Kind != "model-registry")
        {
            throw Errors.NotARegistry(storage.DisplayLocation, $"its registry.json describes a '{settings.Kind}'");
        }

        if (settings.Format > RegistrySettings.CurrentFormat)
        {
            throw Errors.UnsupportedFormat(storage.DisplayLocation, settings.Format);
        }

        return new Registry(storage, settings, exists: true);
    }

    /// <summary>The sub-location of a registry inside a location that is not one, looked for among its first
    /// objects only: this runs on the way to an error, and the location may be a large folder given by mistake.</summary>
    private static async Task<string?> FindNestedRegistryAsync(IRegistryStorage storage, CancellationToken cancellationToken)
    {
        const int Looked = 10_000;
        var seen = 0;
        await foreach (var item in storage.ListAsync("", cancellationToken))
        {
            if (item.Path.EndsWith("/" + RegistryPaths.Settings, StringComparison.Ordinal))
            {
                return item.Path[..^(RegistryPaths.Settings.Length + 1)];
            }

            if (++seen == Looked)
            {
                break;
            }
        }

        return null;
    }

    private static async Task<StoredObject?> ReadSettingsAsync(IRegistryStorage storage, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.ReadAsync(RegistryPaths.Settings, null, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.StorageFailed(storage.DisplayLocation, "reading registry.json", e);
        }
    }

    /// <summary>Writes registry.json if this location has none yet (create-only: concurrent creators agree).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (Exists)
        {
            return;
        }

        await foreach (var (outer, stored) in Storage.ReadEnclosingSettingsAsync(cancellationToken))
        {
            if (IsRegistrySettings(stored))
            {
                throw Errors.RegistryInsideAnother(Storage.DisplayLocation, outer);
            }
        }

        var settings = Settings with { Created = DateTimeOffset.UtcNow };
        try
        {
            await Storage.CreateAsync(RegistryPaths.Settings, RegistryJson.Serialize(settings), cancellationToken);
        }
        catch (StorageOutcomeUnknownException)
        {
            if (await Storage.GetInfoAsync(RegistryPaths.Settings, cancellationToken) is null)
            {
                throw;
            }
        }

        Exists = true;
    }

    private static bool IsRegistrySettings(StoredObject stored)
    {
        try
        {
            return RegistryJson.Deserialize<RegistrySettings>(stored.Content, RegistryPaths.Settings).Kind == "model-registry";
        }
        catch (RegistryException)
        {
            return false;
        }
    }

    /// <summary>The names of every model that has a version, as first registered.</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var (key, model) in await ListIndexedModelsAsync(cancellationToken))
        {
            // A first registration interrupted before its commit leaves the name with no version until gc removes it.
            if (await Storage.GetInfoAsync(RegistryPaths.Log(key, 1), cancellationToken) is not null)
            {
                names.Add(model);
            }
        }

        return [.. names.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Every model the index names, with its storage key, including names whose first commit never landed.</summary>
    internal async Task<IReadOnlyList<(string Key, string Model)>> ListIndexedModelsAsync(CancellationToken cancellationToken)
    {
        var models = new List<(string Key, string Model)>();
        await foreach (var entry in Storage.ListAsync(RegistryPaths.ModelIndex, cancellationToken))
        {
            var stored = await Storage.ReadAsync(entry.Path, null, cancellationToken);
            if (stored is not null)
            {
                var model = RegistryJson.Deserialize<ModelIndexEntry>(stored.Content, entry.Path).Model;
                models.Add((KeyOf(model), model));
            }
        }

        return models;
    }

    internal static string KeyOf(string model) => ModelName.Key(model);

    internal static string Actor(string? actor) =>
        !string.IsNullOrWhiteSpace(actor) ? actor
        : Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } githubActor ? githubActor
        : Environment.UserName;
}

/// <summary><c>index/models/&lt;key&gt;.json</c>: a model's display name, for listing models without listing their files.</summary>
internal sealed record ModelIndexEntry(string Model, DateTimeOffset Created);
