using Octokit;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>
/// Who approves a pull request now. A reviewer's latest approving, change-requesting or dismissed review is their
/// decision (comments do not change it), and an approval counts toward an unmerged pull request only when it was
/// given on the current head commit: a push after the approval means the reviewer has not seen what would ship.
/// </summary>
public static class ReviewTally
{
    public static IReadOnlyList<PullRequestReview> Decisions(IEnumerable<PullRequestReview> reviews) =>
        [.. reviews
            .Where(r => r.User?.Login is { Length: > 0 } && State(r) is "APPROVED" or "CHANGES_REQUESTED" or "DISMISSED")
            .GroupBy(r => r.User.Login, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Last())];

    public static IReadOnlyList<string> ApproversOnHead(IEnumerable<PullRequestReview> reviews, string headSha, string author) =>
        [.. Decisions(reviews)
            .Where(r => State(r) == "APPROVED" && string.Equals(r.CommitId, headSha, StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(r.User.Login, author, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.User.Login)];

    public static IReadOnlyList<string> Approvers(IEnumerable<PullRequestReview> reviews) =>
        [.. Decisions(reviews).Where(r => State(r) == "APPROVED").Select(r => r.User.Login)];

    public static string State(PullRequestReview review) => review.State.StringValue.ToUpperInvariant();
}
