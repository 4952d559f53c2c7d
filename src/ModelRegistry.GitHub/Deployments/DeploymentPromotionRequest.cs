namespace ModelRegistry.GitHub.Deployments;

/// <summary>What <c>promote &lt;ref&gt; --to &lt;stage&gt; --github-run &lt;id&gt;</c> asks for.</summary>
public sealed record DeploymentPromotionRequest
{
    public required string Reference { get; init; }

    public required string Stage { get; init; }

    public required long RunId { get; init; }

    /// <summary>The GitHub environment whose approval counts; by default the stage in lower case (production).</summary>
    public string? Environment { get; init; }

    /// <summary>Commit status contexts that must be green before the deployment is created. Empty by default: the
    /// promoting job's own checks are still running on the same commit, and GitHub's default (every context) would
    /// always refuse with 409 from inside it.</summary>
    public IReadOnlyList<string> RequiredContexts { get; init; } = [];

    /// <summary>The link GitHub shows on the deployment; the run page when not given.</summary>
    public string? EnvironmentUrl { get; init; }

    public string? Reason { get; init; }

    public string? Actor { get; init; }

    /// <summary>Why a schema that breaks the stage holder's may move in anyway (<c>--allow-breaking-schema</c>), under a
    /// policy with requireCompatibleSchema; recorded in the revision's evidence as <c>breakingSchema</c>.</summary>
    public string? AllowBreakingSchema { get; init; }

    /// <summary>The version expected to hold the stage now (<c>--expect-current</c>); the promotion is refused when it
    /// differs, before and after the approval is checked.</summary>
    public ExpectedHolder? ExpectCurrent { get; init; }

    /// <summary>Signs the committed move (docs/signing.md) once the deployment is reported; nothing is signed when the
    /// gate refuses.</summary>
    public Signing.SigningKey? SignWith { get; init; }

    /// <summary>Set by a rollback: the version it rolls back, recorded in the revision (<c>rolledBack</c>), so a
    /// retried plain rollback does nothing.</summary>
    public int? RollingBack { get; init; }
}
