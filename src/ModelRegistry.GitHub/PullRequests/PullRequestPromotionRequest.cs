namespace ModelRegistry.GitHub.PullRequests;

/// <summary>What <c>promote &lt;ref&gt; --to &lt;stage&gt; --github-pr N</c> asks for.</summary>
public sealed record PullRequestPromotionRequest
{
    public required string Reference { get; init; }

    public required string Stage { get; init; }

    public required int Number { get; init; }

    public string? Reason { get; init; }

    public string? Actor { get; init; }

    /// <summary>Why a schema that breaks the stage holder's may move in anyway (<c>--allow-breaking-schema</c>), under a
    /// policy with requireCompatibleSchema; recorded in the revision's evidence as <c>breakingSchema</c>.</summary>
    public string? AllowBreakingSchema { get; init; }

    /// <summary>The version expected to hold the stage now (<c>--expect-current</c>); the promotion is refused when it
    /// differs, before and after the approval is checked.</summary>
    public ExpectedHolder? ExpectCurrent { get; init; }

    /// <summary>Signs the committed move (docs/signing.md); nothing is signed when the gate refuses.</summary>
    public Signing.SigningKey? SignWith { get; init; }

    /// <summary>Set by a rollback: the version it rolls back, recorded in the revision (<c>rolledBack</c>), so a
    /// retried plain rollback does nothing.</summary>
    public int? RollingBack { get; init; }
}
