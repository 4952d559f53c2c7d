using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.GitHub.Api;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Naming;
using ModelRegistry.Policies;
using Octokit;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>
/// The pull-request gate. <see cref="CheckAsync"/> compares a candidate with the stage's current holder, keeps one
/// comment up to date and sets the <c>model-registry/gate</c> status on the head commit, which branch protection can
/// require. <see cref="PromoteAsync"/> promotes only what a merged pull request, or enough approvals of its current
/// head, stand behind, and records them as evidence.
/// </summary>
public sealed class PullRequestGate(GitHubApi api)
{
    public async Task<PullRequestGateReport> CheckAsync(Registry registry, PullRequestGateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        var stage = GateKinds.Stage(registry, request.Stage);
        var candidate = await registry.ResolveAsync(request.Candidate, cancellationToken: cancellationToken);
        var (baseline, previousHolder) = await HolderAsync(registry, candidate.Model, stage, cancellationToken);
        var policy = registry.Settings.PolicyFor(stage);
        var rules = policy.RulesWith(request.Thresholds);
        var verdict = await registry.EvaluateAsync(candidate.Model, MetricsDocument.FromValues($"{candidate.Model} version {candidate.Version}", candidate.Metrics), rules, cancellationToken);
        var comparison = GateComparison.Build(candidate, baseline, stage, verdict, policy, previousHolder);

        var pullRequest = await GetAsync(request.Number, cancellationToken);
        var comment = await new StickyComment(api).UpsertAsync(request.Number, GateCommentMarkdown.Marker(candidate.Model), GateCommentMarkdown.Render(comparison, request.RunUrl, request.ReportUrl), cancellationToken);

        var state = comparison.Passed ? CommitState.Success : CommitState.Failure;
        var description = comparison.Passed
            ? $"{candidate.Model}@{candidate.Version} passes the {stage} gate"
            : $"{candidate.Model}@{candidate.Version} fails: {comparison.FailureSummary}";
        await api.SendAsync(
            new GitHubOperation($"setting status '{PullRequestGateRequest.StatusContext}' on {pullRequest.Head.Sha} in {api.Repository}", "statuses: write", OperationKind.IdempotentWrite),
            client => client.Repository.Status.Create(api.Repository.Owner, api.Repository.Name, pullRequest.Head.Sha, new NewCommitStatus
            {
                State = state,
                Context = PullRequestGateRequest.StatusContext,
                Description = description.Length <= 140 ? description : description[..139] + "…",
                TargetUrl = comment.HtmlUrl,
            }),
            cancellationToken);
        return new PullRequestGateReport(request.Number, pullRequest.Head.Sha, comparison, comment, state == CommitState.Success ? "success" : "failure");
    }

    public async Task<PullRequestPromotion> PromoteAsync(Registry registry, PullRequestPromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        var stage = GateKinds.Stage(registry, request.Stage);
        var policy = registry.Settings.PolicyFor(stage);
        var version = await registry.ResolveAsync(request.Reference, cancellationToken: cancellationToken);
        GateKinds.EnsureAccepted(policy, version.Model, stage, StagePolicy.GitHubPullRequest);

        var pullRequest = await GetAsync(request.Number, cancellationToken);
        var reviews = await api.SendAsync(
            new GitHubOperation($"reading the reviews of pull request #{request.Number} of {api.Repository}", "pull-requests: read"),
            client => client.PullRequest.Review.GetAll(api.Repository.Owner, api.Repository.Name, request.Number),
            cancellationToken: cancellationToken);
        var author = pullRequest.User?.Login ?? "";
        var headSha = pullRequest.Head.Sha;

        IReadOnlyList<string> approvers;
        if (pullRequest.Merged)
        {
            // Branch protection decided what a merge needed; the reviewers and the merger stand behind it.
            approvers = ReviewTally.Approvers(reviews);
            if (approvers.Count == 0 && pullRequest.MergedBy?.Login is { Length: > 0 } merger)
            {
                approvers = [merger];
            }
        }
        else if (pullRequest.State.StringValue.Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            throw GitHubErrors.PullRequestClosed(request.Number);
        }
        else
        {
            approvers = ReviewTally.ApproversOnHead(reviews, headSha, author);
            var required = Math.Max(1, policy.RequiredApprovals);
            if (approvers.Count < required)
            {
                throw GitHubErrors.PullRequestNotApproved(request.Number, approvers.Count, required, headSha);
            }
        }

        var evidence = new PromotionEvidence
        {
            Kind = StagePolicy.GitHubPullRequest,
            Approvers = approvers,
            Requester = author.Length > 0 ? author : null,
            Details = new JsonObject
            {
                ["repository"] = api.Repository.ToString(),
                ["pullRequest"] = request.Number,
                ["url"] = pullRequest.HtmlUrl,
                ["title"] = api.Redact(pullRequest.Title),
                ["headSha"] = headSha,
                ["merged"] = pullRequest.Merged,
                ["mergeCommit"] = pullRequest.Merged ? pullRequest.MergeCommitSha : null,
                ["mergedBy"] = pullRequest.MergedBy?.Login,
                ["reviews"] = new JsonArray([.. ReviewTally.Decisions(reviews).Select(r => (JsonNode)new JsonObject
                {
                    ["user"] = r.User.Login,
                    ["state"] = ReviewTally.State(r).ToLowerInvariant(),
                    ["commit"] = r.CommitId,
                    ["comment"] = api.Redact(r.Body),
                })]),
                ["verifiedAt"] = api.Retry.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
        };

        var promotion = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = GateKinds.Exact(version),
            Stage = stage,
            Reason = request.Reason ?? $"pull request #{request.Number} {(pullRequest.Merged ? "merged" : "approved")} by {string.Join(", ", approvers)}",
            Evidence = evidence,
            Actor = request.Actor,
            ExpectCurrent = request.ExpectCurrent,
            SignWith = request.SignWith,
            AllowBreakingSchema = request.AllowBreakingSchema,
            RollingBack = request.RollingBack,
        }, cancellationToken);
        return new PullRequestPromotion(promotion, evidence);
    }

    private Task<PullRequest> GetAsync(int number, CancellationToken cancellationToken) =>
        api.SendAsync(
            new GitHubOperation($"reading pull request #{number} of {api.Repository}", "pull-requests: read"),
            client => client.PullRequest.Get(api.Repository.Owner, api.Repository.Name, number),
            cancellationToken: cancellationToken);

    /// <summary>The version holding the stage now, and the one that held it before (which a rollback puts back).</summary>
    private static async Task<(VersionInfo? Holder, int? Previous)> HolderAsync(Registry registry, string model, string stage, CancellationToken cancellationToken)
    {
        if (!RegistrySettings.IsPointerStage(stage))
        {
            return (null, null);
        }

        var view = await registry.LoadModelAsync(model, cancellationToken: cancellationToken);
        var holder = view.State.Stages.ContainsKey(stage)
            ? await registry.ResolveAsync(new ModelReference(model, ReferenceKind.Name, stage).ToString(), cancellationToken: cancellationToken)
            : null;
        return (holder, view.State.PreviousHolderOf(stage));
    }
}
