using ModelRegistry.Retention;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>
/// What garbage collection found (and did, unless it was a dry run). <see cref="Unnamed"/> are the files it removes (or
/// would): files no revision names (left by interrupted registrations) and files only purged versions name, each
/// older than the grace period. <see cref="Kept"/> counts such files still younger than it; with --apply,
/// <see cref="Spared"/> of them were refreshed or named by a writer while gc ran and stayed. <see cref="Models"/> is the
/// retention plan of every model.
/// </summary>
public sealed record GcReport(bool DryRun, TimeSpan Grace, IReadOnlyList<ObjectInfo> Unnamed, long Bytes, int Kept, int Spared = 0)
{
    public IReadOnlyList<ModelRetentionPlan> Models { get; init; } = [];

    /// <summary>The retention policy revision applied; null when none was ever set (keep everything).</summary>
    public long? PolicyRevision { get; init; }
}
