using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.GitHub.Tests.Support;
using ModelRegistry.Policies;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>The pull-request gate through the real model-registry process, as the pull-request template runs it.</summary>
public sealed class CliPullRequestFlowTests : IDisposable
{
    private readonly GitHubWorld world = new();
    private readonly TempRegistry registry = TempRegistry.Create(new StagePolicy
    {
        Requires = [StagePolicy.GitHubPullRequest],
        RequiredApprovals = 1,
        Thresholds = ["auc>=Production-0.005"],
    });

    private readonly ActionsStep step = new();
    private readonly ReleaseKey release = new();

    public void Dispose()
    {
        world.Dispose();
        registry.Dispose();
        step.Dispose();
        release.Dispose();
    }

    private async Task ArrangeAsync()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        await (await registry.OpenAsync()).PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubPullRequest, Approvers = ["carol"] },
        });
    }

    /// <summary>A pull request by alice that bob approved and merged.</summary>
    private async Task<Fake.FakePullRequest> ArrangeMergedAsync()
    {
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.Merge(pull.Number, "bob");
        return pull;
    }

    private Task<CliOutcome> GateAsync(int number, string candidate) =>
        CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, 4242),
            "gate", "pull-request", "--pr", number.ToString(CultureInfo.InvariantCulture), "--candidate", candidate, "--registry", registry.Location, "--json");

    private Task<CliOutcome> PromoteAsync(int number, params string[] extra) =>
        CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, 4243),
            ["promote", "FraudDetection@2", "--to", "Production", "--github-pr", number.ToString(CultureInfo.InvariantCulture), "--registry", registry.Location, .. extra]);

    [Fact]
    public async Task The_gate_comment_links_the_versions_pages_of_the_registry_site_named_in_the_environment()
    {
        // arrange
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");
        var environment = step.Environment(world, Tokens.Actions, 4244);
        environment[ReportLink.Variable] = "https://contoso.github.io/fraud-training";

        // act
        var outcome = await CliProcess.RunAsync(null, environment,
            "gate", "pull-request", "--pr", pull.Number.ToString(CultureInfo.InvariantCulture), "--candidate", "FraudDetection@2", "--registry", registry.Location, "--json");

        // assert
        Assert.True(outcome.ExitCode == 0, outcome.All);
        var comment = Assert.Single(world.Server.Comments(pull.Number));
        Assert.Contains("vs Production ([version 1](https://contoso.github.io/fraud-training/models/FraudDetection/v1.html))", comment.Body, StringComparison.Ordinal);
        Assert.Contains("[its page in the registry](https://contoso.github.io/fraud-training/models/FraudDetection/v2.html)", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_address_with_a_query_is_refused_before_anything_is_posted_and_the_query_is_not_shown()
    {
        // arrange
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");

        // act
        var outcome = await CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, 4245),
            "gate", "pull-request", "--pr", pull.Number.ToString(CultureInfo.InvariantCulture), "--candidate", "FraudDetection@2",
            "--report-url", "https://site.example/registry?sv=2024-08-04&sig=SECRET", "--registry", registry.Location);

        // assert
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error MRB1719: --report-url 'https://site.example/registry' is not valid", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", outcome.All, StringComparison.Ordinal);
        Assert.Empty(world.Server.Comments(pull.Number));
        Assert.Empty(world.Server.Statuses(pull.HeadSha));
    }

    [Fact]
    public async Task Gate_runs_keep_one_comment_up_to_date_and_exit_3_when_the_candidate_fails()
    {
        // arrange
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");

        // act
        var first = await GateAsync(pull.Number, "FraudDetection@2");
        await registry.RegisterAsync("FraudDetection", ("auc", 0.85));
        var second = await GateAsync(pull.Number, "FraudDetection@3");

        // assert
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("error MRB1717:", second.Stderr, StringComparison.Ordinal);
        var comment = Assert.Single(world.Server.Comments(pull.Number));
        Assert.StartsWith(GateCommentMarkdown.Marker("FraudDetection"), comment.Body, StringComparison.Ordinal);
        Assert.Contains("version 3", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"actions/runs/4242", comment.Body, StringComparison.Ordinal);
        Assert.Empty(PublishedSchemas.Problems("gate", first.Stdout));
        Assert.Empty(PublishedSchemas.Problems("gate", second.Stdout));
        var firstDocument = JsonNode.Parse(first.Stdout)!;
        var secondDocument = JsonNode.Parse(second.Stdout)!;
        Assert.Equal(firstDocument["comment"]!["id"]!.GetValue<long>(), secondDocument["comment"]!["id"]!.GetValue<long>());
        Assert.False(secondDocument["passed"]!.GetValue<bool>());
        Assert.Equal(["success", "failure"], world.Server.Statuses(pull.HeadSha).Select(s => s.State));
        Assert.Contains("verdict=fail", step.Outputs, StringComparison.Ordinal);
        Assert.Contains("| auc | 0.91 | 0.85 |", step.Summary, StringComparison.Ordinal);
        LeakCheck.AssertClean(first.All, second.All, step.Outputs, step.Summary, comment.Body, registry.AllText());
    }

    [Fact]
    public async Task Promote_through_a_pull_request_refuses_an_unmerged_one_and_an_approval_of_an_older_head()
    {
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");

        var unapproved = await PromoteAsync(pull.Number);
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.Push(pull.Number);
        var stale = await PromoteAsync(pull.Number);

        Assert.Equal(3, unapproved.ExitCode);
        Assert.Contains("error MRB1713:", unapproved.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, stale.ExitCode);
        Assert.Contains("has 0 approving review(s) on its head commit", stale.Stderr, StringComparison.Ordinal);
        Assert.Equal("None", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task Promote_after_merge_moves_Production_and_records_the_pull_request()
    {
        var pull = await ArrangeMergedAsync();
        world.Server.Fail("pulls/get", Fake.FakeFailure.BadGateway());

        var result = await PromoteAsync(pull.Number);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("approved by bob (github-pull-request)", result.Stdout, StringComparison.Ordinal);
        var entry = (await (await registry.OpenAsync()).HistoryAsync("FraudDetection"))[^1];
        Assert.Equal(pull.Number, entry.Evidence!["details"]!["pullRequest"]!.GetValue<int>());
        Assert.Equal("Archived", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@1")).Stage);
        LeakCheck.AssertClean(result.All, step.Outputs, step.Summary, registry.AllText());
    }

    [Fact]
    public async Task Promote_after_merge_with_a_signing_key_signs_the_move_and_a_trust_policy_accepts_it()
    {
        // arrange
        var pull = await ArrangeMergedAsync();

        // act
        var result = await PromoteAsync(pull.Number, "--sign-key", release.PrivatePath, "--json");

        // assert
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("promotion", JsonNode.Parse(result.Stdout)!["signature"]!["kind"]!.GetValue<string>());
        var verified = await release.AssertTrustedAsync(registry, "FraudDetection@Production");
        Assert.Equal(2, verified["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Promote_through_an_unapproved_pull_request_with_a_signing_key_is_refused_and_signs_nothing()
    {
        // arrange
        await ArrangeAsync();
        var pull = world.Server.AddPullRequest("alice");

        // act
        var result = await PromoteAsync(pull.Number, "--sign-key", release.PrivatePath);

        // assert
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error MRB1713:", result.Stderr, StringComparison.Ordinal);
        ReleaseKey.AssertNothingSigned(registry);
    }
}
