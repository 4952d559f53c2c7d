namespace ModelRegistry.GitHub.Deployments;

/// <summary>What <c>promote request &lt;ref&gt; --to &lt;stage&gt;</c> asks for.</summary>
public sealed record PromotionDispatchRequest
{
    public const string DefaultWorkflow = "model-registry-promote.yml";

    public required string Reference { get; init; }

    public required string Stage { get; init; }

    /// <summary>The promotion workflow's file name (or id) under .github/workflows.</summary>
    public string Workflow { get; init; } = DefaultWorkflow;

    /// <summary>The branch or tag whose workflow file runs.</summary>
    public required string GitRef { get; init; }

    public string? Reason { get; init; }

    public string? Actor { get; init; }

    /// <summary>Why a breaking schema may enter the stage (<c>--allow-breaking-schema</c>): dispatched as the input
    /// <c>allow_breaking_schema</c>, which the promoting job passes on, and recorded with the request. Only sent when
    /// given, so a workflow without that input still takes every other request.</summary>
    public string? AllowBreakingSchema { get; init; }
}
