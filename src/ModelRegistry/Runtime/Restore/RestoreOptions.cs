namespace ModelRegistry.Runtime;

/// <summary>How a restore treats the lock file.</summary>
/// <param name="LockFile">The project's models.lock.json.</param>
/// <param name="Refresh">Resolve every reference again, as if the lock pinned nothing, and write what changed.</param>
/// <param name="LockedMode">Change nothing: the lock must pin every reference and nothing else, and the registry
/// must still resolve each reference to the pinned version (CI builds).</param>
public sealed record RestoreOptions(string LockFile, bool Refresh = false, bool LockedMode = false)
{
    /// <summary>Schema pins (docs/schemas.md), by model name: the declared-schema file a consumer was written against.
    /// A version whose schema breaks its pin is refused before anything is installed (MRB2110, MRB2111).</summary>
    public IReadOnlyDictionary<string, string> SchemaPins { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
