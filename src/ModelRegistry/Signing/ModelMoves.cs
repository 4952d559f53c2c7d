using ModelRegistry.Manifest;

namespace ModelRegistry.Signing;

/// <summary>
/// The stage moves of one model's whole history, folded once: for a report that checks the signatures of many versions
/// without reading the log again for each. The same rule as <see cref="Registry.FindStageMoveAsync"/>: a version's
/// move is the latest revision that moved it, and counts only when it put the version into the stage it holds.
/// </summary>
internal sealed class ModelMoves
{
    private readonly Dictionary<long, LogEntry> byRevision = [];
    private readonly Dictionary<int, LogEntry> latest = [];

    public ModelMoves(IEnumerable<LogEntry> history)
    {
        foreach (var entry in history.OrderBy(e => e.Revision))
        {
            byRevision[entry.Revision] = entry;
            if (entry.Operation == Operation.Register && entry.Version is { } registered)
            {
                latest.Remove(registered);
            }
            else if (entry.Operation == Operation.Stage)
            {
                foreach (var moved in new[] { entry.Version, entry.Displaced }.OfType<int>().Where(v => StageMoveStatement.StageOf(entry, v) is not null))
                {
                    latest[moved] = entry;
                }
            }
        }
    }

    /// <summary>The move that put <paramref name="version"/> into the stage it holds, or null.</summary>
    public StageMove? Current(VersionInfo version) =>
        latest.TryGetValue(version.Version, out var entry) && StageMoveStatement.MoveOf(entry, version.Version) is { } move
        && string.Equals(move.Stage, version.Stage, StringComparison.OrdinalIgnoreCase)
            ? move
            : null;

    /// <summary>The entry of a revision in the history, or null.</summary>
    public LogEntry? At(long revision) => byRevision.GetValueOrDefault(revision);
}
