using ModelRegistry.GitHub.Api;
using Octokit;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>
/// A workflow run and the reviews of one of its environments. The approvals endpoint keeps the whole history of the
/// run, re-runs included, in order; a rejection voids the approvals before it, so a re-run after a rejection needs a
/// new approval and a rejection after an approval wins.
/// </summary>
public sealed record RunApprovals(WorkflowRun Run, string Environment, IReadOnlyList<RunReview> Reviews)
{
    public RunReview? Rejection => Reviews.Count > 0 && Reviews[^1].State == RunReview.Rejected ? Reviews[^1] : null;

    /// <summary>Who approved since the last rejection, each once.</summary>
    public IReadOnlyList<string> Approvers
    {
        get
        {
            var lastRejection = Reviews.Select((r, i) => (r, i)).LastOrDefault(x => x.r.State == RunReview.Rejected).i;
            var start = Reviews.Any(r => r.State == RunReview.Rejected) ? lastRejection + 1 : 0;
            return [.. Reviews.Skip(start).Where(r => r.State == RunReview.Approved).Select(r => r.User).Distinct(StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Who started the run: for workflow_dispatch, the person (or token) that asked for the promotion.</summary>
    public string Requester => Run.TriggeringActor?.Login ?? Run.Actor?.Login ?? "";

    public static async Task<RunApprovals> ReadAsync(GitHubApi api, long runId, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var owner = api.Repository.Owner;
        var name = api.Repository.Name;
        var run = await api.SendAsync(new GitHubOperation($"reading workflow run {runId} of {api.Repository}", "actions: read"),
            client => client.Actions.Workflows.Runs.Get(owner, name, runId), cancellationToken: cancellationToken);
        var history = await api.SendAsync(new GitHubOperation($"reading the approvals of workflow run {runId} of {api.Repository}", "actions: read"),
            client => client.Actions.Workflows.Runs.GetReviewHistory(owner, name, runId), cancellationToken: cancellationToken);
        var reviews = history
            .Where(h => h.Environments?.Any(e => string.Equals(e.Name, environment, StringComparison.OrdinalIgnoreCase)) == true)
            .Select(h => new RunReview(h.User?.Login ?? "", h.State.StringValue.ToLowerInvariant(), api.Redact(h.Comment)))
            .ToList();
        return new RunApprovals(run, environment, reviews);
    }
}
