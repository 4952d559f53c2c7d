
namespace ModelRegistry.Runtime;

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

    /// <summary>The document <c>model-registry restore --json</c> prints.</summary>
    public RestoreDocument ToDocument(string cache) => new(
        LockFile,
        LockWritten,
        cache,
        [.. Models.Select(m => new RestoredModelDocument(m.Entry.Model, m.Entry.Requested, m.Entry.Version, m.Entry.Digest, m.Entry.Files, m.CachePath, m.Change, m.PreviousVersion, m.Pulled))],
        [.. Problems.Select(p => new ProblemDocument(p.Code, p.Message))]);
}
