using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.GitHub.Tests.Fake;
using ModelRegistry.GitHub.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>The pull-request gate through Octokit: the sticky comparison comment, the status check, and the
/// promotion that only a merged or sufficiently approved pull request allows.</summary>
public sealed class PullRequestFlowTests : IDisposable
{
    private static readonly StagePolicy Gated = new()
    {
        Requires = [StagePolicy.GitHubPullRequest],
        RequiredApprovals = 2,
        DistinctApprover = true,
        Thresholds = ["auc>=Production-0.005"],
    };

    private readonly GitHubWorld world = new();
    private readonly TempRegistry registry = TempRegistry.Create(Gated);

    public void Dispose()
    {
        world.Dispose();
        registry.Dispose();
    }

    /// <summary>Version 1 in Production (auc 0.91), version 2 a better candidate (auc 0.93).</summary>
    private async Task ArrangeModelAsync()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91), ("latency_p95_ms", 40));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93), ("latency_p95_ms", 38));
        await (await registry.OpenAsync()).PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubPullRequest, Approvers = ["carol"], Requester = "alice" },
        });
    }

    private async Task<PullRequestGateReport> GateAsync(int number, string candidate, string token = Tokens.Actions, params string[] thresholds) =>
        await new PullRequestGate(world.Api(token)).CheckAsync(await registry.OpenAsync(), new PullRequestGateRequest
        {
            Number = number,
            Candidate = candidate,
            Thresholds = [.. thresholds.Select(ThresholdRule.Parse)],
            RunUrl = "http://127.0.0.1/run/1",
        });

    private async Task<PullRequestPromotion> PromoteAsync(int number, string reference = "FraudDetection@2") =>
        await new PullRequestGate(world.Api()).PromoteAsync(await registry.OpenAsync(), new PullRequestPromotionRequest
        {
            Reference = reference,
            Stage = "Production",
            Number = number,
        });

    private async Task<string> StageOfAsync(int version) => (await (await registry.OpenAsync()).ResolveAsync($"FraudDetection@{version}")).Stage;

    [Fact]
    public async Task The_gate_posts_one_comparison_comment_and_a_success_status_on_the_head_commit()
    {
        // arrange
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");

        // act
        var report = await GateAsync(pull.Number, "FraudDetection@2");

        // assert
        Assert.True(report.Passed);
        var comment = Assert.Single(world.Server.Comments(pull.Number));
        Assert.StartsWith(GateCommentMarkdown.Marker("FraudDetection"), comment.Body, StringComparison.Ordinal);
        Assert.Contains("| Metric | Production | Candidate | Delta | Threshold | Verdict |", comment.Body, StringComparison.Ordinal);
        Assert.Contains("| auc | 0.91 | 0.93 | +0.02 | `auc>=Production-0.005` | ✅ pass |", comment.Body, StringComparison.Ordinal);
        Assert.Contains("| latency_p95_ms | 40 | 38 | -2 | — | — |", comment.Body, StringComparison.Ordinal);
        var status = Assert.Single(world.Server.Statuses(pull.HeadSha));
        Assert.Equal(("model-registry/gate", "success"), (status.Context, status.State));
        Assert.Equal(report.Comment.HtmlUrl, status.TargetUrl);
    }

    [Fact]
    public async Task A_repeated_gate_run_updates_the_same_comment_and_the_status()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        await GateAsync(pull.Number, "FraudDetection@2");
        await registry.RegisterAsync("FraudDetection", ("auc", 0.80), ("latency_p95_ms", 30));

        var report = await GateAsync(pull.Number, "FraudDetection@3");

        Assert.False(report.Passed);
        Assert.False(report.Comment.Created);
        var comment = Assert.Single(world.Server.Comments(pull.Number));
        Assert.Equal(1, comment.Edits);
        Assert.Contains("version 3", comment.Body, StringComparison.Ordinal);
        Assert.Contains("| auc | 0.91 | 0.8 | -0.11 | `auc>=Production-0.005` | ❌ fail |", comment.Body, StringComparison.Ordinal);
        Assert.Equal("failure", world.Server.Statuses(pull.HeadSha)[^1].State);
        Assert.Contains("auc>=Production-0.005", world.Server.Statuses(pull.HeadSha)[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_given_to_the_gate_are_applied_beside_the_policy_s()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");

        var report = await GateAsync(pull.Number, "FraudDetection@2", Tokens.Actions, "latency_p95_ms<=35");

        Assert.False(report.Passed);
        Assert.Contains(report.Comparison.Rows, r => r is { Metric: "latency_p95_ms", Verdict: ComparisonRow.Fail });
    }

    [Fact]
    public async Task A_comment_whose_answer_was_lost_to_a_502_is_found_again_not_posted_twice()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("issues/create-comment", FakeFailure.BadGateway(afterApplying: true));

        var report = await GateAsync(pull.Number, "FraudDetection@2");

        var comment = Assert.Single(world.Server.Comments(pull.Number));
        Assert.Equal(comment.Id, report.Comment.Id);
        Assert.Equal(1, world.Server.Count("issues/create-comment"));
    }

    [Fact]
    public async Task The_first_model_of_a_registry_is_compared_with_nothing_and_passes_relative_rules()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        var pull = world.Server.AddPullRequest("alice");

        var report = await GateAsync(pull.Number, "FraudDetection@1");

        Assert.True(report.Passed);
        Assert.Contains("(no Production version yet)", Assert.Single(world.Server.Comments(pull.Number)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_may_not_set_statuses_gets_a_coded_error_naming_the_permission()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.AddToken("ghs_NoStatusesToken0000000000000000000005", new FakeToken("github-actions[bot]",
            new HashSet<string> { "pull-requests:write" }, Installation: true));

        var error = await Assert.ThrowsAsync<RegistryException>(() => GateAsync(pull.Number, "FraudDetection@2", "ghs_NoStatusesToken0000000000000000000005"));

        Assert.Equal("MRB1704", error.Code);
        Assert.Contains("'statuses: write'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merged_pull_request_promotes_and_records_its_reviewers_as_evidence()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.Merge(pull.Number, "bob");

        var result = await PromoteAsync(pull.Number);

        Assert.Equal("Production", result.Promotion.Version.Stage);
        Assert.Equal(1, result.Promotion.Displaced);
        Assert.Equal(["bob"], result.Evidence.Approvers);
        var entry = (await (await registry.OpenAsync()).HistoryAsync("FraudDetection"))[^1];
        Assert.Equal("github-pull-request", entry.Evidence!["kind"]!.GetValue<string>());
        Assert.Equal(pull.Number, entry.Evidence["details"]!["pullRequest"]!.GetValue<int>());
        Assert.True(entry.Evidence["details"]!["merged"]!.GetValue<bool>());
        Assert.Equal("alice", entry.Evidence["requester"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_open_pull_request_without_approvals_is_refused()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(pull.Number));

        Assert.Equal("MRB1713", error.Code);
        Assert.Equal(ErrorKind.GateNotMet, error.Kind);
        Assert.Equal("None", await StageOfAsync(2));
    }

    [Fact]
    public async Task Approvals_of_an_older_head_commit_do_not_count()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.AddReview(pull.Number, "carol", "APPROVED");
        world.Server.Push(pull.Number);

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(pull.Number));

        Assert.Equal("MRB1713", error.Code);
        Assert.Contains("has 0 approving review(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal("None", await StageOfAsync(2));
    }

    [Fact]
    public async Task Enough_approvals_of_the_current_head_promote_an_open_pull_request()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.AddReview(pull.Number, "bob", "APPROVED");
        world.Server.Push(pull.Number);
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.AddReview(pull.Number, "carol", "APPROVED");

        var result = await PromoteAsync(pull.Number);

        Assert.Equal("Production", result.Promotion.Version.Stage);
        Assert.Equal(["bob", "carol"], result.Evidence.Approvers.Order());
    }

    [Fact]
    public async Task A_later_request_for_changes_withdraws_a_reviewer_s_approval()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.AddReview(pull.Number, "bob", "APPROVED");
        world.Server.AddReview(pull.Number, "carol", "APPROVED");
        world.Server.AddReview(pull.Number, "carol", "COMMENTED");
        world.Server.AddReview(pull.Number, "bob", "CHANGES_REQUESTED");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(pull.Number));

        Assert.Contains("has 1 approving review(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_closed_without_merging_is_refused()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Close(pull.Number);

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(pull.Number));

        Assert.Equal("MRB1714", error.Code);
    }

    [Fact]
    public async Task A_merge_by_the_author_alone_does_not_satisfy_a_distinct_approver_policy()
    {
        await ArrangeModelAsync();
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Merge(pull.Number, "alice");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(pull.Number));

        Assert.Equal("MRB1302", error.Code);
        Assert.Equal("None", await StageOfAsync(2));
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_pull_request_on_GitHub()
    {
        var pull = world.Server.AddPullRequest("alice");

        var error = await Assert.ThrowsAsync<Octokit.ApiValidationException>(() => Reviewer.ReviewPullAsync(world, Tokens.Alice, pull.Number, "APPROVE"));

        Assert.Contains("own pull request", error.Message, StringComparison.Ordinal);
    }
}
