using ModelRegistry.Metrics;

namespace ModelRegistry.Policies;

/// <summary>
/// The gates a promotion into one stage needs. <see cref="Requires"/> lists evidence kinds, any one of which
/// satisfies the approval gate: <c>approval</c> (any approval: local or GitHub), <c>github-deployment</c>
/// (an approved GitHub environment deployment), <c>github-pull-request</c> (a merged or approved pull request).
/// </summary>
public sealed record StagePolicy
{
    public const string Approval = "approval";

    public const string GitHubDeployment = "github-deployment";

    public const string GitHubPullRequest = "github-pull-request";

    public const string Local = PromotionEvidence.LocalKind;

    public static StagePolicy Open { get; } = new();

    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The approver must be someone other than the person who asked for the promotion.</summary>
    public bool DistinctApprover { get; init; }

    /// <summary>Approving reviews a pull request needs when it is not merged.</summary>
    public int RequiredApprovals { get; init; } = 1;

    /// <summary>Metric rules every promotion into the stage must pass (auc>=Production-0.005).</summary>
    public IReadOnlyList<string> Thresholds { get; init; } = [];

    /// <summary>A candidate's schema must not break the current holder's (docs/schemas.md), unless the promotion
    /// gives a reason to allow it (<see cref="PromotionRequest.AllowBreakingSchema"/>).</summary>
    public bool RequireCompatibleSchema { get; init; }

    /// <summary>
    /// Whether <see cref="RequireCompatibleSchema"/> holds <paramref name="candidate"/> to the schema of the stage's
    /// <paramref name="holder"/>: the policy sets it, another version holds the stage, and the candidate is not the
    /// stage's <paramref name="previousHolder"/> (a rollback puts back what consumers ran before). The one rule the
    /// promotion enforces (MRB2104) and the pull-request gate shows.
    /// </summary>
    public bool HoldsToSchema(int candidate, int? holder, int? previousHolder) =>
        RequireCompatibleSchema && holder is { } held && held != candidate && previousHolder != candidate;

    /// <summary>The rules a promotion into the stage is held to: the policy's own, then those the caller adds.</summary>
    public IReadOnlyList<ThresholdRule> RulesWith(IEnumerable<ThresholdRule> extra) => [.. Thresholds.Select(ThresholdRule.Parse).Concat(extra)];
}
