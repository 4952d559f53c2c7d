namespace ModelRegistry.GitHub.PullRequests;

/// <summary>What <c>gate pull-request --pr N --candidate &lt;ref&gt;</c> asks for.</summary>
public sealed record PullRequestGateRequest
{
    public const string StatusContext = "model-registry/gate";

    public required int Number { get; init; }

    public required string Candidate { get; init; }

    /// <summary>The stage the candidate would enter: its holder is the baseline and its policy's thresholds apply.</summary>
    public string Stage { get; init; } = Manifest.RegistrySettings.Production;

    /// <summary>Rules beside the stage policy's own (auc>=Production-0.005).</summary>
    public IReadOnlyList<Metrics.ThresholdRule> Thresholds { get; init; } = [];

    /// <summary>The run that checked, linked from the comment; none outside GitHub Actions.</summary>
    public string? RunUrl { get; init; }

    /// <summary>The registry's static site (<see cref="ReportLink.Parse"/>): the comment links the versions' pages.</summary>
    public Uri? ReportUrl { get; init; }
}
