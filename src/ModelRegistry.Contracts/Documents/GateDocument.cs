using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.Metrics;

namespace ModelRegistry;

/// <summary>The document of <c>gate pull-request</c>: the candidate against the stage's version, metric by metric,
/// and the sticky comment and commit status it left on the pull request.</summary>
public sealed record GateDocument(int PullRequest, string HeadSha, bool Passed, string Status, VersionInfo Candidate, GateCommentDocument Comment)
{
    /// <summary>The stage's version the candidate is compared with; absent when the stage is empty.</summary>
    public VersionInfo? Baseline { get; init; }

    public IReadOnlyList<ComparisonRow> Rows { get; init; } = [];

    public Verdict Evaluation { get; init; } = Verdict.Empty;
}

/// <summary>The gate's one comment on the pull request: created by this run, or updated in place.</summary>
public sealed record GateCommentDocument(long Id, string Url, bool Created);
