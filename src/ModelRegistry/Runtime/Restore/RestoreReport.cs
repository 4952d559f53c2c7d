
namespace ModelRegistry.Runtime;

/// <summary>
/// The outcome of <see cref="ModelRegistryClient.RestoreAsync"/>: the references that were restored, whether the lock
/// file was written, and every problem found. A restore with problems installs what it could in the cache (always
/// safe: the cache holds only verified versions) but never writes the lock.
/// </summary>
public sealed record RestoreReport(string LockFile, IReadOnlyList<RestoredModelDocument> Models, bool LockWritten, IReadOnlyList<RegistryException> Problems)
{
    /// <summary>Coded warnings (<c>MRB1618: ...</c>): a refresh that replaced a lock file it could not read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Problems.Count == 0;

    /// <summary>The document <c>model-registry restore --json</c> prints.</summary>
    public RestoreDocument ToDocument(string cache) => new(
        LockFile,
        LockWritten,
        cache,
        Models,
        [.. Problems.Select(p => new ProblemDocument(p.Code, p.Message))]);
}
