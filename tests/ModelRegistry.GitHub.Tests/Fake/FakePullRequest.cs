namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>A pull request and its reviews; pushing moves the head, which leaves earlier approvals on an old commit.</summary>
public sealed class FakePullRequest
{
    public required int Number { get; init; }

    public required string Author { get; init; }

    public required string Title { get; init; }

    public required string HeadRef { get; init; }

    public required string HeadSha { get; set; }

    public string BaseRef { get; init; } = "main";

    public string State { get; set; } = "open";

    public bool Merged { get; set; }

    public string? MergedBy { get; set; }

    public string? MergeCommitSha { get; set; }

    public List<FakeReview> Reviews { get; } = [];
}

/// <summary>One review: APPROVED, CHANGES_REQUESTED, COMMENTED or DISMISSED, on one commit.</summary>
public sealed record FakeReview(long Id, string User, string State, string CommitId, string Body, DateTimeOffset SubmittedAt);
