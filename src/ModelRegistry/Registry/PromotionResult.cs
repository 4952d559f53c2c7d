using ModelRegistry.Manifest;
using ModelRegistry.Metrics;

namespace ModelRegistry;

/// <summary>What a stage change did: the version in its new stage, the version it displaced, and the revision.</summary>
public sealed record PromotionResult(VersionInfo Version, string FromStage, int? Displaced, string? DisplacedTo, LogEntry? Entry, Verdict Evaluation)
{
    /// <summary>False when the version already was in the stage and nothing was committed.</summary>
    public bool Changed => Entry is not null;
}
