using System.Text.Json.Nodes;
using ModelRegistry.GitHub.Tests.Fake;
using ModelRegistry.GitHub.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>The deployment-approval flow through the real model-registry process, as the workflow templates run it.</summary>
public sealed class CliDeploymentFlowTests : IDisposable
{
    private readonly GitHubWorld world = new();
    private readonly TempRegistry registry = TempRegistry.Create(new StagePolicy { Requires = [StagePolicy.GitHubDeployment], DistinctApprover = true });
    private readonly ActionsStep step = new();
    private readonly ReleaseKey release = new();

    public void Dispose()
    {
        world.Dispose();
        registry.Dispose();
        step.Dispose();
        release.Dispose();
    }

    private async Task<long> RequestThroughCliAsync()
    {
        var environment = world.WorkflowEnvironment(Tokens.Alice);
        var result = await CliProcess.RunAsync(null, environment, "promote", "request", "FraudDetection@Staging", "--to", "Production", "--registry", registry.Location, "--json");
        Assert.True(result.ExitCode == 0, result.All);
        LeakCheck.AssertClean(result.All);
        Assert.Empty(PublishedSchemas.Problems("promotion-request", result.Stdout));
        return JsonNode.Parse(result.Stdout)!["runId"]!.GetValue<long>();
    }

    private Task<CliOutcome> PromoteInJobAsync(long runId, params string[] extra) =>
        PromoteInJobAsync(step.Environment(world, Tokens.Actions, runId), runId, extra);

    private Task<CliOutcome> PromoteInJobAsync(Dictionary<string, string?> environment, long runId, params string[] extra) =>
        CliProcess.RunAsync(null, environment,
            ["promote", "FraudDetection@2", "--to", "Production", "--github-run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--registry", registry.Location, .. extra]);

    private async Task ArrangeStagingCandidateAsync()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        await (await registry.OpenAsync()).PromoteAsync(new PromotionRequest { Reference = "FraudDetection@2", Stage = "Staging" });
    }

    /// <summary>Version 2 replaced version 1 in Production, and a run that rolls back is approved by bob.</summary>
    private async Task<Fake.FakeRun> ArrangeRollbackAsync()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var opened = await registry.OpenAsync();
        foreach (var version in new[] { 1, 2 })
        {
            await opened.PromoteAsync(new PromotionRequest
            {
                Reference = $"FraudDetection@{version}",
                Stage = "Production",
                Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubDeployment, Approvers = ["bob"], Requester = "alice" },
            });
        }

        var run = world.Server.AddRun("alice");
        world.Server.ReviewRun(run.Id, "bob", "approved", "roll it back");
        return run;
    }

    [Fact]
    public async Task Request_approve_promote_end_to_end_through_the_CLI_with_outputs_summary_and_no_token_anywhere()
    {
        // arrange
        await ArrangeStagingCandidateAsync();

        // act
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "Ship it!");
        var result = await PromoteInJobAsync(runId, "--json");

        // assert
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Empty(PublishedSchemas.Problems("stage-change", result.Stdout));
        var document = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("Production", document["stage"]!.GetValue<string>());
        Assert.Equal("bob", document["github"]!["evidence"]!["approvers"]![0]!.GetValue<string>());
        Assert.Equal("success", document["github"]!["deploymentState"]!.GetValue<string>());
        Assert.Contains("approvers=bob", step.Outputs, StringComparison.Ordinal);
        Assert.Contains("deployment-id=", step.Outputs, StringComparison.Ordinal);
        Assert.Contains("@bob", step.Summary, StringComparison.Ordinal);
        var run = world.Server.Run(runId);
        Assert.Equal("2", run.Inputs["version"]!.GetValue<string>());
        var history = await (await registry.OpenAsync()).HistoryAsync("FraudDetection");
        Assert.Equal([Operation.PromotionRequested, Operation.Stage], history.TakeLast(2).Select(e => e.Operation));
        LeakCheck.AssertClean(result.All, step.Outputs, step.Summary, registry.AllText());
    }

    [Fact]
    public async Task A_rejection_exits_3_with_an_annotation_and_is_recorded()
    {
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: false, "not this week");

        var result = await PromoteInJobAsync(runId);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error MRB1711:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("::error::MRB1711:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Operation.PromotionRejected, (await (await registry.OpenAsync()).HistoryAsync("FraudDetection"))[^1].Operation);
        LeakCheck.AssertClean(result.All, registry.AllText());
    }

    [Fact]
    public async Task Self_approval_exits_3_when_the_policy_wants_another_approver()
    {
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Alice, runId, approve: true, "lgtm (me)");

        var result = await PromoteInJobAsync(runId);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error MRB1712:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Staging", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task A_409_from_required_contexts_exits_1_and_leaves_the_registry_as_it_was()
    {
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.SetCommitStatus(world.Server.Run(runId).HeadSha, "ci/tests", "pending");

        var result = await PromoteInJobAsync(runId, "--github-required-context", "ci/tests");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MRB1709:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ci/tests=pending", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Staging", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task A_403_rate_limit_and_a_502_are_retried_by_the_CLI_and_the_promotion_succeeds()
    {
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.Fail("actions/get-reviews-for-run", FakeFailure.SecondaryRateLimit(retryAfterSeconds: 1));
        world.Server.Fail("actions/get-workflow-run", FakeFailure.BadGateway());

        var result = await PromoteInJobAsync(runId);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(2, world.Server.Count("actions/get-reviews-for-run"));
        Assert.Equal(2, world.Server.Count("actions/get-workflow-run"));
        Assert.Equal("Production", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task Without_a_token_the_command_is_a_usage_error()
    {
        await ArrangeStagingCandidateAsync();
        var environment = world.WorkflowEnvironment(Tokens.Alice);
        environment.Remove("GITHUB_TOKEN");

        var result = await CliProcess.RunAsync(null, environment, "promote", "request", "FraudDetection@2", "--to", "Production", "--registry", registry.Location);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MRB1701:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_given_on_the_command_line_is_used_and_never_printed_even_when_GitHub_refuses_it()
    {
        await ArrangeStagingCandidateAsync();
        var environment = world.WorkflowEnvironment(Tokens.Alice);
        environment.Remove("GITHUB_TOKEN");
        const string revoked = "ghp_RevokedSecretToken000000000000000008";

        var accepted = await CliProcess.RunAsync(null, environment, "promote", "request", "FraudDetection@2", "--to", "Production", "--registry", registry.Location, "--github-token", Tokens.Alice);
        var refused = await CliProcess.RunAsync(null, environment, "promote", "request", "FraudDetection@2", "--to", "Production", "--registry", registry.Location, "--github-token", revoked);

        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error MRB1703:", refused.Stderr, StringComparison.Ordinal);
        LeakCheck.AssertClean(accepted.All, refused.All, registry.AllText());
        Assert.DoesNotContain(revoked, refused.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gated_rollback_puts_back_the_previous_Production_version_through_the_same_approval()
    {
        var run = await ArrangeRollbackAsync();

        var result = await CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, run.Id),
            "rollback", "FraudDetection", "--github-run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--registry", registry.Location);

        Assert.True(result.ExitCode == 0, result.All);
        var reopened = await registry.OpenAsync();
        Assert.Equal("Production", (await reopened.ResolveAsync("FraudDetection@1")).Stage);
        var entry = (await reopened.HistoryAsync("FraudDetection"))[^1];
        Assert.Equal("rollback from version 2", entry.Reason);
        Assert.Equal("github-deployment", entry.Evidence!["kind"]!.GetValue<string>());
        Assert.Equal(2, entry.RolledBack);
        Assert.Equal("1", Assert.Single(world.Server.Deployments, d => d.Task == "deploy:model").Payload["version"]!.GetValue<string>());

        // A re-run of the same job (GitHub's "Re-run jobs") commits nothing: version 2 stays rolled back.
        var rerun = await CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, run.Id),
            "rollback", "FraudDetection", "--github-run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--registry", registry.Location);
        Assert.True(rerun.ExitCode == 0, rerun.All);
        Assert.Contains("nothing was rolled back", rerun.Stdout, StringComparison.Ordinal);
        Assert.Equal("Production", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@1")).Stage);
        Assert.Equal(entry.Revision, (await (await registry.OpenAsync()).HistoryAsync("FraudDetection"))[^1].Revision);
    }

    [Fact]
    public async Task An_approved_promotion_signs_its_move_with_the_key_of_the_environment_secret_and_a_trust_policy_accepts_it()
    {
        // arrange
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "Ship it!");
        var environment = step.Environment(world, Tokens.Actions, runId);
        environment[ReleaseKey.Variable] = release.PrivatePem;

        // act
        var result = await PromoteInJobAsync(environment, runId, "--json");

        // assert
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Empty(PublishedSchemas.Problems("stage-change", result.Stdout));
        var signature = JsonNode.Parse(result.Stdout)!["signature"]!;
        Assert.Equal("promotion", signature["kind"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(result.Stdout)!["revision"]!.GetValue<long>(), signature["revision"]!.GetValue<long>());
        Assert.Equal("success", Assert.Single(world.Server.Deployments, d => d.Task == "deploy:model").Statuses[^1].State);
        var verified = await release.AssertTrustedAsync(registry, "FraudDetection@Production");
        Assert.Equal(2, verified["version"]!.GetValue<int>());
        LeakCheck.AssertClean(result.All, step.Outputs, step.Summary, registry.AllText());
        Assert.DoesNotContain("PRIVATE KEY", result.All + registry.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_promotion_without_an_approval_is_refused_and_signs_nothing()
    {
        // arrange: the run was requested, and nobody approved it
        await ArrangeStagingCandidateAsync();
        var runId = await RequestThroughCliAsync();

        // act
        var result = await PromoteInJobAsync(runId, "--sign-key", release.PrivatePath);

        // assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MRB1710:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Staging", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
        ReleaseKey.AssertNothingSigned(registry);
    }

    [Fact]
    public async Task A_gated_rollback_signs_the_move_back_with_the_key_of_the_environment_secret()
    {
        // arrange
        var run = await ArrangeRollbackAsync();
        var environment = step.Environment(world, Tokens.Actions, run.Id);
        environment[ReleaseKey.Variable] = release.PrivatePem;

        // act
        var result = await CliProcess.RunAsync(null, environment,
            "rollback", "FraudDetection", "--github-run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--registry", registry.Location);

        // assert
        Assert.True(result.ExitCode == 0, result.All);
        var verified = await release.AssertTrustedAsync(registry, "FraudDetection@Production");
        Assert.Equal(1, verified["version"]!.GetValue<int>());
    }
}
