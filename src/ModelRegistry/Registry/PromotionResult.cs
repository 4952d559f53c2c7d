using ModelRegistry.Manifest;
using ModelRegistry.Metrics;

namespace ModelRegistry;

/// <summary>What a stage change did: the version in its new stage, the version it displaced, and the revision.</summary>
public sealed record PromotionResult(VersionInfo Version, string FromStage, int? Displaced, string? DisplacedTo, LogEntry? Entry, Verdict Evaluation)
{
    /// <summary>Why nothing was committed when that is not simply "already in the stage" (a retried rollback).</summary>
    public string? Note { get; init; }

    /// <summary>A coded warning about the caches after a change that landed (MRB1109).</summary>
    public string? Warning { get; init; }

    /// <summary>The stage-move signature made with <see cref="PromotionRequest.SignWith"/>.</summary>
    public SignatureEntry? Signature { get; init; }

    /// <summary>False when the version already was in the stage and nothing was committed.</summary>
    public bool Changed => Entry is not null;
}
