using ModelRegistry.Metrics;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Queries;

/// <summary>The whole recipe of one version, with what identifies the version and how it was evaluated.</summary>
public sealed record VersionLineage
{
    public required VersionInfo Version { get; init; }

    public required Recipe Recipe { get; init; }

    /// <summary>The thresholds applied at registration and their verdicts, when there were any.</summary>
    public Verdict? Evaluation { get; init; }
}
