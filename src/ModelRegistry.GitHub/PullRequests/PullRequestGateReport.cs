namespace ModelRegistry.GitHub.PullRequests;

/// <summary>What the gate posted: the comparison, the sticky comment and the commit status on the head commit.</summary>
public sealed record PullRequestGateReport(int Number, string HeadSha, GateComparison Comparison, PostedComment Comment, string StatusState)
{
    public bool Passed => Comparison.Passed;
}
