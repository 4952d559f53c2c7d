using Microsoft.Build.Framework;
using ModelRegistry.Build.References;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// The fast path of every build that consumes models, run in the MSBuild node: when models.lock.json answers every
/// ModelReference and the cache holds every pinned version, the models are known without a process or a network
/// call. Under a trust policy, each entry must also have been verified under exactly that policy (its fingerprint in
/// the lock): the recorded key ids are enough, nothing is read. A reference with a schema pin (Schema metadata) must find
/// the pin's fingerprint in its entry, so an edited pin is checked again, and one that generates model types must find a
/// schema there. Anything else (no lock, a changed reference or policy,
/// a cold cache, refresh or locked mode) leaves <see cref="UpToDate"/> false and RestoreModelReferences does the work.
/// </summary>
public sealed class CheckModelLock : Microsoft.Build.Utilities.Task
{
    public ITaskItem[] References { get; set; } = [];

    [Required]
    public string LockFile { get; set; } = "";

    [Required]
    public string CacheRoot { get; set; } = "";

    public string ModelsFolder { get; set; } = "models";

    public bool Refresh { get; set; }

    public bool LockedMode { get; set; }

    /// <summary>The folder Schema metadata is relative to.</summary>
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The trust policy file the restore obeys; empty without one.</summary>
    public string? TrustPolicy { get; set; }

    [Output]
    public bool UpToDate { get; private set; }

    [Output]
    public ITaskItem[] ResolvedReferences { get; private set; } = [];

    [Output]
    public ITaskItem[] ModelFiles { get; private set; } = [];

    public override bool Execute()
    {
        // Refresh re-resolves by definition; locked mode must ask the registry whether it still matches the lock.
        if (Refresh || LockedMode)
        {
            return true;
        }

        ModelLockFile? lockFile;
        try
        {
            lockFile = ModelLockFile.Read(LockFile);
        }
        catch (RegistryException)
        {
            // RestoreModelReferences reports it, with the same code in every mode.
            return true;
        }

        var requests = References.Select(ModelItems.Request).ToList();
        if (lockFile is null || lockFile.Models.Count != requests.Count || !SchemasAnswered(lockFile))
        {
            return true;
        }

        var policy = string.IsNullOrEmpty(TrustPolicy) ? null : TrustPolicyFingerprint.Of(TrustPolicy);
        var cache = new ModelCacheFolder(CacheRoot);
        var pinned = new List<LockedModel>();
        foreach (var request in requests)
        {
            var entry = lockFile.Find(request.Model);
            if (entry is null || !entry.Answers(request) || pinned.Contains(entry) || (policy is not null && entry.Trust?.Policy != policy) || !cache.Holds(entry.Digest, entry.Files))
            {
                return true;
            }

            pinned.Add(entry);
        }

        ResolvedReferences = [.. pinned.Select(m => ModelItems.Reference(m, cache, ModelsFolder))];
        ModelFiles = [.. pinned.SelectMany(m => ModelItems.Files(m, cache, ModelsFolder))];
        UpToDate = true;
        return true;
    }

    /// <summary>Every entry records the fingerprint of its reference's schema pin (none without one), and a schema when
    /// the reference has a pin or generates model types.</summary>
    private bool SchemasAnswered(ModelLockFile lockFile) =>
        References.All(reference =>
        {
            var entry = lockFile.Find(reference.ItemSpec.Trim());
            var pin = ModelItems.SchemaPin(reference, ProjectDirectory);
            return entry is not null
                && entry.SchemaPin == (pin is null ? null : SchemaPinFingerprint.Of(pin))
                && (entry.Schema is not null || (pin is null && !ModelItems.GeneratesTypes(reference)));
        });
}
