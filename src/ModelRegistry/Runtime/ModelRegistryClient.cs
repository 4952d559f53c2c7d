using ModelRegistry.Runtime;
using ModelRegistry.Signing;

namespace ModelRegistry;

/// <summary>
/// What an inference service needs from a registry: resolve a reference to an exact version, pull its files into
/// the machine-wide cache (verified by digest, shared with builds), and watch a stage so a new Production model is
/// picked up without a redeploy. Given a trust policy (docs/signing.md), it resolves only versions the policy accepts:
/// a forged or unsigned move into the stage is refused (MRB2005), and a watch keeps serving the version it has.
/// </summary>
/// <example>
/// <code>
/// var client = await ModelRegistryClient.OpenAsync("https://account.blob.core.windows.net/models");
/// await using var watch = await client.WatchAsync("FraudDetection@Production", TimeSpan.FromMinutes(1));
/// var scorer = Load(watch.Model!.File("model.zip"));
/// watch.Changed += (_, e) => scorer = Load(e.Model!.File("model.zip"));
/// </code>
/// </example>
public sealed partial class ModelRegistryClient
{
    private ModelRegistryClient(Registry registry, ModelCacheFolder cache, TrustPolicy? trust)
    {
        Registry = registry;
        Cache = cache;
        Trust = trust;
    }

    /// <summary>The registry: one instance, so its snapshot cache makes repeated resolves cheap.</summary>
    public Registry Registry { get; }

    public ModelCacheFolder Cache { get; }

    /// <summary>The trust policy every resolve obeys, or null when any version the log names is accepted.</summary>
    public TrustPolicy? Trust { get; }

    /// <summary>Opens the registry at a location (folder or URL; null: $MODEL_REGISTRY, else ./.model-registry) with a
    /// cache folder (null: ~/.model-registry/cache) and an optional trust policy.</summary>
    public static async Task<ModelRegistryClient> OpenAsync(string? location, string? cacheFolder = null, TrustPolicy? trust = null, CancellationToken cancellationToken = default) =>
        new(await Registry.OpenAsync(location, cancellationToken), new ModelCacheFolder(cacheFolder), trust);

    public static ModelRegistryClient Create(Registry registry, string? cacheFolder = null, TrustPolicy? trust = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new ModelRegistryClient(registry, new ModelCacheFolder(cacheFolder), trust);
    }

    /// <summary>The exact version a reference names now, refused when the trust policy does not accept it (MRB2005) or
    /// retention purged its files (MRB1230).</summary>
    public async Task<VersionInfo> ResolveAsync(string reference, CancellationToken cancellationToken = default) =>
        (await Registry.ResolveAsync(reference, null, Trust, cancellationToken)).EnsureFilesStored();

    /// <summary>Resolves a reference and makes sure its files are in the cache.</summary>
    public async Task<CachedModel> PullAsync(string reference, CancellationToken cancellationToken = default) =>
        await PullAsync(await ResolveAsync(reference, cancellationToken), cancellationToken);

    /// <summary>Makes sure a version's files are in the cache: a cached copy is used as it is, otherwise the files
    /// are downloaded, each verified by size and digest, and the version appears in the cache all at once.</summary>
    public async Task<CachedModel> PullAsync(VersionInfo version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!Cache.Holds(version.Digest, version.Files))
        {
            // Disposing removes what a failed pull left; an installed folder has moved away.
            using var staging = Cache.NewStagingFolder(version.Digest);
            await Registry.PullFilesAsync(version, staging.Path, null, cancellationToken);
            Cache.Install(staging, version.Digest, [.. version.Files]);
        }

        return new CachedModel(version, Cache.FolderOf(version.Digest));
    }

    /// <summary>
    /// Starts watching a stage, an alias or the latest version: resolves (and with <paramref name="pull"/> caches) the
    /// current version now, then polls every <paramref name="interval"/>. Dispose the watch to stop it.
    /// </summary>
    public async Task<ModelWatch> WatchAsync(string reference, TimeSpan interval, bool pull = true, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var watch = new ModelWatch(this, reference, pull);
        try
        {
            await watch.StartAsync(interval, time ?? TimeProvider.System, cancellationToken);
            return watch;
        }
        catch
        {
            await watch.DisposeAsync();
            throw;
        }
    }
}
