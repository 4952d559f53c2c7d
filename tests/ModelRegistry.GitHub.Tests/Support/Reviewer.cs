using ModelRegistry.GitHub.Tests.Fake;
using Octokit;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>A required reviewer acting on GitHub with their own token, through Octokit as a tool would.</summary>
public static class Reviewer
{
    public static async Task ReviewRunAsync(GitHubWorld world, string token, long runId, bool approve, string comment)
    {
        var client = world.Api(token).Client;
        var review = new PendingDeploymentReview([long.Parse(FakeGitHubServer.ProductionEnvironmentId, System.Globalization.CultureInfo.InvariantCulture)],
            approve ? PendingDeploymentReviewState.Approved : PendingDeploymentReviewState.Rejected, comment);

        // GitHub answers with an array of deployments; Octokit 14 declares one object and hands back null.
        var answer = await client.Actions.Workflows.Runs.ReviewPendingDeployments(FakeGitHubServer.Owner, FakeGitHubServer.Repo, runId, review);
        if (answer is not null)
        {
            throw new InvalidOperationException("Octokit read the review answer; the array-answer gap this helper documents is gone.");
        }
    }

    public static Task ReviewPullAsync(GitHubWorld world, string token, int number, string @event, string? commitId = null) =>
        world.Api(token).Client.PullRequest.Review.Create(FakeGitHubServer.Owner, FakeGitHubServer.Repo, number, new PullRequestReviewCreate
        {
            Event = @event switch
            {
                "APPROVE" => PullRequestReviewEvent.Approve,
                "REQUEST_CHANGES" => PullRequestReviewEvent.RequestChanges,
                _ => PullRequestReviewEvent.Comment,
            },
            Body = "review",
            CommitId = commitId,
        });
}
