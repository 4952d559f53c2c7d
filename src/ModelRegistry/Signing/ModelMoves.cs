using ModelRegistry.Manifest;

namespace ModelRegistry.Signing;

/// <summary>
/// The stage moves of one model's whole history, folded once: for a report that checks the signatures of many versions
/// without reading the log again for each. The rule (<see cref="Touches"/>, <see cref="Counting"/>) is the one
/// <see cref="Registry.FindStageMoveAsync"/> applies reading the log backwards: a version's move is the latest revision
/// that moved it, and counts only when it put the version into the stage it holds.
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
            foreach (var version in new[] { entry.Version, entry.Displaced }.OfType<int>().Distinct())
            {
                switch (Touches(entry, version))
                {
                    case true:
                        latest[version] = entry;
                        break;
                    case false:
                        latest.Remove(version);
                        break;
                }
            }
        }
    }

    /// <summary>What an entry says of a version's move: true when it moves the version (the latest such entry is its
    /// move), false when it registers it (no earlier entry can be its move), null when it says nothing of it.</summary>
    public static bool? Touches(LogEntry entry, int version) =>
        entry.Operation == Operation.Register && entry.Version == version ? false
        : entry.Operation == Operation.Stage && StageMoveStatement.StageOf(entry, version) is not null ? true
        : null;

    /// <summary>The version's latest move, when it put the version into the stage it holds; else null.</summary>
    public static StageMove? Counting(LogEntry? latestMove, VersionInfo version) =>
        latestMove is not null && StageMoveStatement.MoveOf(latestMove, version.Version) is { } move
        && string.Equals(move.Stage, version.Stage, StringComparison.OrdinalIgnoreCase)
            ? move
            : null;

    /// <summary>The move that put <paramref name="version"/> into the stage it holds, or null.</summary>
    public StageMove? Current(VersionInfo version) => Counting(latest.GetValueOrDefault(version.Version), version);

    /// <summary>The entry of a revision in the history, or null.</summary>
    public LogEntry? At(long revision) => byRevision.GetValueOrDefault(revision);
}
