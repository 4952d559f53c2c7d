using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;

namespace ModelRegistry;

/// <summary>The document of <c>promote</c>, <c>archive</c> and <c>rollback</c>: the version after the move, and what
/// the move did. <see cref="VersionInfo.Revision"/> is the revision that moved it (absent when nothing moved).</summary>
public sealed record StageChangeDocument : VersionInfo
{
    [JsonConstructor]
    public StageChangeDocument()
    {
    }

    [SetsRequiredMembers]
    public StageChangeDocument(VersionInfo version)
        : base(version)
    {
    }

    /// <summary>True when the version moved; false when it already was in the stage, or the gate refused it.</summary>
    public bool Changed { get; init; }

    /// <summary>False when the stage's metric gate refused the move (exit 3); nothing moved then.</summary>
    public bool Passed { get; init; } = true;

    /// <summary>The stage the version left.</summary>
    public string? FromStage { get; init; }

    /// <summary>The version that held the stage before, and where it went (Production → Archived).</summary>
    public int? Displaced { get; init; }

    public string? DisplacedTo { get; init; }

    /// <summary>Why nothing was done, when it is not "already there".</summary>
    public string? Note { get; init; }

    /// <summary>Each rule of the stage's gate.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    /// <summary>The GitHub approval that allowed the move (<c>--github-run</c>, <c>--github-pr</c>).</summary>
    [JsonPropertyName("github")]
    public GitHubApprovalDocument? GitHub { get; init; }

    /// <summary>The stage-move signature made with <c>--sign-key</c> or <c>$MODEL_REGISTRY_SIGNING_KEY</c>.</summary>
    public SignatureEntry? Signature { get; init; }
}

/// <summary>The GitHub side of a gated promotion: the evidence recorded, and the deployment made for an environment approval.</summary>
public sealed record GitHubApprovalDocument(PromotionEvidence Evidence)
{
    public long? DeploymentId { get; init; }

    public string? DeploymentState { get; init; }

    public string? EnvironmentUrl { get; init; }
}

/// <summary>The document of <c>promote request</c>: the version whose promotion waits for the environment's
/// reviewers, and the workflow run dispatched. <see cref="VersionInfo.Revision"/> is the revision that recorded the request.</summary>
public sealed record PromotionRequestDocument : VersionInfo
{
    [JsonConstructor]
    public PromotionRequestDocument()
    {
    }

    [SetsRequiredMembers]
    public PromotionRequestDocument(VersionInfo version, string requestedStage, string workflowUrl)
        : base(version)
    {
        RequestedStage = requestedStage;
        WorkflowUrl = workflowUrl;
    }

    public required string RequestedStage { get; init; }

    /// <summary>The dispatched run, when GitHub could name it.</summary>
    public long? RunId { get; init; }

    public string? RunUrl { get; init; }

    /// <summary>The workflow's page: where to look for the run when GitHub did not name it.</summary>
    public required string WorkflowUrl { get; init; }
}
