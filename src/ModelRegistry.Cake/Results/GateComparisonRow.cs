namespace ModelRegistry.Cake;

/// <summary>One metric of the pull-request gate's comparison between the candidate and the stage's version.</summary>
public sealed class GateComparisonRow
{
    /// <summary>Gets the metric.</summary>
    public string Metric { get; init; } = "";

    /// <summary>Gets the value of the stage's current version.</summary>
    public double? Baseline { get; init; }

    /// <summary>Gets the candidate's value.</summary>
    public double? Candidate { get; init; }

    /// <summary>Gets the candidate's value minus the baseline's.</summary>
    public double? Delta { get; init; }

    /// <summary>Gets the rule applied to the metric, if any.</summary>
    public string Threshold { get; init; } = "";

    /// <summary>Gets the verdict: pass, fail, error or none.</summary>
    public string Verdict { get; init; } = "";
}
