using ModelRegistry.Policies;

namespace ModelRegistry.Manifest;

/// <summary>
/// A model as one reader saw it: the state snapshot plus the revisions committed after it (the tail), folded.
/// Register revisions in the tail are kept whole, because their version index files may not exist yet.
/// </summary>
public sealed class ModelView
{
    internal ModelView(string key, ModelState state, string? snapshotETag, long snapshotRevision, IReadOnlyList<LogEntry> tail)
    {
        Key = key;
        State = state;
        SnapshotETag = snapshotETag;
        SnapshotRevision = snapshotRevision;
        Tail = tail;
    }

    public string Key { get; }

    /// <summary>Set on the view a commit returns when the commit landed but bringing the caches after it failed: a
    /// coded warning (MRB1109) to report beside the result, never a failure.</summary>
    public string? CacheWarning { get; internal set; }

    /// <summary>The folded state at <see cref="Revision"/>.</summary>
    public ModelState State { get; }

    public long Revision => State.Revision;

    public bool Exists => State.Revision > 0;

    public string Model => State.Model;

    internal string? SnapshotETag { get; }

    internal long SnapshotRevision { get; }

    /// <summary>Revisions after the snapshot, oldest first.</summary>
    public IReadOnlyList<LogEntry> Tail { get; }

    internal IEnumerable<LogEntry> TailRegistrations => Tail.Where(e => e.Operation == Operation.Register);

    internal ModelView With(LogEntry entry, RegistrySettings settings) =>
        new(Key, StateFolder.Apply(State, entry, settings), SnapshotETag, SnapshotRevision, [.. Tail, entry]);
}
