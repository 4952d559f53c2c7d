using ModelRegistry.Errors;

namespace ModelRegistry.Runtime;

/// <summary>What a restore did to one reference's lock entry.</summary>
public enum RestoreChange
{
    /// <summary>The lock already pinned the reference, and the pin was kept.</summary>
    Pinned,

    /// <summary>The lock did not answer the reference (new, or its version changed): it was resolved now.</summary>
    Resolved,

    /// <summary>A refresh found the reference at another version than the lock pinned.</summary>
    Moved,
}

/// <summary>One reference restored: its lock entry, where its files are in the cache, and what changed.</summary>
public sealed record RestoredModel(LockedModel Entry, string CachePath, RestoreChange Change, int? PreviousVersion, bool Pulled);

/// <summary>
/// The outcome of <see cref="ModelRegistryClient.RestoreAsync"/>: the references that were restored, whether the lock
/// file was written, and every problem found. A restore with problems installs what it could in the cache (always
/// safe: the cache holds only verified versions) but never writes the lock.
/// </summary>
public sealed record RestoreReport(string LockFile, IReadOnlyList<RestoredModel> Models, bool LockWritten, IReadOnlyList<RegistryException> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
