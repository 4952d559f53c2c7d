using ModelRegistry.Metrics;
using ModelRegistry.Policies;

namespace ModelRegistry;

/// <summary>A request to move a version to a stage, with the evidence that allows it.</summary>
public sealed record PromotionRequest
{
    public required string Reference { get; init; }

    public required string Stage { get; init; }

    public string? Reason { get; init; }

    public PromotionEvidence? Evidence { get; init; }

    /// <summary>Metrics of an automated gate (a canary run); the version's own metrics when null.</summary>
    public MetricsDocument? Metrics { get; init; }

    public IReadOnlyList<ThresholdRule> Thresholds { get; init; } = [];

    public string? Actor { get; init; }

    /// <summary>Why a schema that breaks the stage holder's may move in anyway, under a policy with
    /// <see cref="StagePolicy.RequireCompatibleSchema"/>; recorded in the revision's evidence.</summary>
    public string? AllowBreakingSchema { get; init; }

    /// <summary>The version the caller expects to hold the stage now (for Archived: the version it expects the reference
    /// to name); the move is refused with MRB1310 when it differs at evaluation or at commit.</summary>
    public ExpectedHolder? ExpectCurrent { get; init; }

    /// <summary>When given, the move that puts the version in the stage (this one, or the one before it when it was
    /// there already) gets this key's signature.</summary>
    public Signing.SigningKey? SignWith { get; init; }

    /// <summary>Set by a rollback (<see cref="Registry.RollbackAsync"/>, or a face that gates one): the version it
    /// rolls back, recorded in the revision (<see cref="LogEntry.RolledBack"/>), so a retried plain rollback does nothing.</summary>
    public int? RollingBack { get; init; }
}
