namespace ModelRegistry;

/// <summary>
/// What a rollback of <paramref name="Stage"/> would do: put <paramref name="To"/> back in place of
/// <paramref name="From"/>. When <paramref name="From"/> no longer holds the stage (<see cref="Applies"/> is false) the
/// rollback already happened, or someone moved the stage since: a retried rollback then does nothing.
/// </summary>
public sealed record RollbackPlan(string Model, string Stage, int From, int? Holder, int? To)
{
    public bool Applies => Holder == From && To is not null;

    /// <summary>When the holder came back by a rollback: that revision and the version it rolled back. A rollback
    /// without an explicit version then does nothing, so a retried one never re-deploys what the first rolled back.</summary>
    public (long Revision, int Version)? RolledBackBy { get; init; }
}
