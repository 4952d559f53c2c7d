namespace ModelRegistry.GitHub.PullRequests;

/// <summary>One metric of the gate's table: the current holder's value, the candidate's, the difference, the rules
/// that name the metric and their verdict (pass, fail, error, or none when no rule names it).</summary>
public sealed record ComparisonRow(string Metric, double? Baseline, double? Candidate, double? Delta, string Threshold, string Verdict)
{
    public const string Pass = "pass";

    public const string Fail = "fail";

    public const string Error = "error";

    public const string None = "none";
}
