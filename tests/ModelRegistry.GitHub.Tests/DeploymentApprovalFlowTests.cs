using ModelRegistry.GitHub.Deployments;
using ModelRegistry.GitHub.Tests.Fake;
using ModelRegistry.GitHub.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>The deployment-approval flow through Octokit: request (dispatch), a reviewer's decision, and the
/// promotion inside the approved job.</summary>
public sealed class DeploymentApprovalFlowTests : IDisposable
{
    private static readonly StagePolicy Gated = new() { Requires = [StagePolicy.GitHubDeployment], DistinctApprover = true };

    private readonly GitHubWorld world = new();
    private readonly TempRegistry registry = TempRegistry.Create(Gated);

    public void Dispose()
    {
        world.Dispose();
        registry.Dispose();
    }

    private async Task<long> RequestAsync(int version)
    {
        var dispatch = await new PromotionDispatcher(world.Api(Tokens.Alice)).RequestAsync(await registry.OpenAsync(), new PromotionDispatchRequest
        {
            Reference = $"FraudDetection@{version}",
            Stage = "Production",
            GitRef = "main",
            Actor = "alice",
        });
        return dispatch.RunId!.Value;
    }

    private async Task<DeploymentPromotion> PromoteInJobAsync(long runId, int version, IReadOnlyList<string>? requiredContexts = null) =>
        await new DeploymentApprovalGate(world.Api(Tokens.Actions)).PromoteAsync(await registry.OpenAsync(), new DeploymentPromotionRequest
        {
            Reference = $"FraudDetection@{version}",
            Stage = "Production",
            RunId = runId,
            RequiredContexts = requiredContexts ?? [],
            Actor = "github-actions[bot]",
        });

    private async Task<IReadOnlyList<LogEntry>> HistoryAsync() => await (await registry.OpenAsync()).HistoryAsync("FraudDetection");

    private IReadOnlyList<FakeDeployment> OurDeployments() => [.. world.Server.Deployments.Where(d => d.Task == "deploy:model")];

    [Fact]
    public async Task An_approval_for_replacing_one_holder_is_refused_when_another_took_the_stage_before_the_job_ran()
    {
        // arrange: the request is made while version 1 holds Production; the reviewer approves replacing it.
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.95));
        var opened = await registry.OpenAsync();
        await opened.PromoteAsync(new PromotionRequest { Reference = "FraudDetection@1", Stage = "Production", Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubDeployment, Approvers = ["carol"], Requester = "dave" } });
        var runId = await RequestAsync(2);
        Assert.Equal("1", world.Server.Run(runId).Inputs["expect_current"]!.GetValue<string>());
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "replace version 1");

        // Meanwhile version 3 goes to Production through another approved path.
        await opened.PromoteAsync(new PromotionRequest { Reference = "FraudDetection@3", Stage = "Production", Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubDeployment, Approvers = ["carol"], Requester = "dave" } });

        // act: the held job runs with the holder the request saw
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await new DeploymentApprovalGate(world.Api(Tokens.Actions)).PromoteAsync(await registry.OpenAsync(), new DeploymentPromotionRequest
        {
            Reference = "FraudDetection@2",
            Stage = "Production",
            RunId = runId,
            Actor = "github-actions[bot]",
            ExpectCurrent = ExpectedHolder.Parse(world.Server.Run(runId).Inputs["expect_current"]!.GetValue<string>()),
        }));

        // assert
        Assert.Equal("MRB1310", error.Code);
        Assert.Equal(3, (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@Production")).Version);
    }

    [Fact]
    public async Task Request_dispatches_the_workflow_with_model_and_version_and_records_the_pending_promotion()
    {
        // arrange
        await registry.RegisterAsync("FraudDetection", ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));

        // act
        var runId = await RequestAsync(2);

        // assert
        var run = world.Server.Run(runId);
        Assert.Equal("FraudDetection", run.Inputs["model"]!.GetValue<string>());
        Assert.Equal("2", run.Inputs["version"]!.GetValue<string>());
        Assert.Equal("alice", run.TriggeringActor);
        var requested = (await HistoryAsync())[^1];
        Assert.Equal(Operation.PromotionRequested, requested.Operation);
        Assert.Equal(2, requested.Version);
        Assert.Equal("Production", requested.Stage);
        Assert.Equal(runId, requested.Evidence!["details"]!["runId"]!.GetValue<long>());
        Assert.Equal("None", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task An_approved_run_promotes_with_the_approval_as_evidence_and_a_successful_deployment()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "Ship it!");

        var result = await PromoteInJobAsync(runId, 1);

        Assert.True(result.Promotion.Changed);
        Assert.Equal("Production", result.Promotion.Version.Stage);
        Assert.Equal(["bob"], result.Evidence.Approvers);
        Assert.Equal("alice", result.Evidence.Requester);
        var entry = (await HistoryAsync())[^1];
        Assert.Equal(Operation.Stage, entry.Operation);
        Assert.Equal("github-deployment", entry.Evidence!["kind"]!.GetValue<string>());
        Assert.Equal("bob", entry.Evidence["approvers"]![0]!.GetValue<string>());
        var details = entry.Evidence["details"]!;
        Assert.Equal(world.Server.Run(runId).HeadSha, details["commit"]!.GetValue<string>());
        Assert.Equal($"{world.Server.ServerUrl}{FakeGitHubServer.Repository}/actions/runs/{runId}", details["runUrl"]!.GetValue<string>());
        Assert.Equal("Ship it!", details["reviews"]![0]!["comment"]!.GetValue<string>());
        var deployment = Assert.Single(OurDeployments());
        Assert.Equal(result.DeploymentId, deployment.Id);
        var create = Assert.Single(world.Server.Requests, r => r.Operation == "repos/create-deployment");
        Assert.Contains("\"required_contexts\":[]", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"auto_merge\":false", create.Body, StringComparison.Ordinal);
        Assert.Equal("production", deployment.Environment);
        Assert.Equal("1", deployment.Payload["version"]!.GetValue<string>());
        var status = Assert.Single(deployment.Statuses);
        Assert.Equal("success", status.State);
        Assert.Equal(details["runUrl"]!.GetValue<string>(), status.EnvironmentUrl);
    }

    [Fact]
    public async Task A_reviewer_who_rejects_stops_the_promotion_and_the_rejection_is_recorded()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: false, "AUC on the holdout set looks wrong");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteInJobAsync(runId, 1));

        Assert.Equal("MRB1711", error.Code);
        Assert.Equal(ErrorKind.GateNotMet, error.Kind);
        Assert.Contains("bob", error.Message, StringComparison.Ordinal);
        var rejected = (await HistoryAsync())[^1];
        Assert.Equal(Operation.PromotionRejected, rejected.Operation);
        Assert.Contains("AUC on the holdout set looks wrong", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal("None", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@1")).Stage);
        Assert.Empty(OurDeployments());
    }

    [Fact]
    public async Task Self_approval_is_refused_when_the_policy_wants_a_distinct_approver()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Alice, runId, approve: true, "my own model, fine");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteInJobAsync(runId, 1));

        Assert.Equal("MRB1712", error.Code);
        Assert.Contains("'alice'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Operation.PromotionRejected, (await HistoryAsync())[^1].Operation);
        Assert.Empty(OurDeployments());
    }

    [Fact]
    public async Task Self_approval_is_accepted_when_the_policy_does_not_ask_for_a_distinct_approver()
    {
        using var lenient = TempRegistry.Create(new StagePolicy { Requires = [StagePolicy.GitHubDeployment] });
        await lenient.RegisterAsync("FraudDetection", ("auc", 0.93));
        var run = world.Server.AddRun("alice");
        world.Server.ReviewRun(run.Id, "alice", "approved");

        var result = await new DeploymentApprovalGate(world.Api(Tokens.Actions)).PromoteAsync(await lenient.OpenAsync(),
            new DeploymentPromotionRequest { Reference = "FraudDetection@1", Stage = "Production", RunId = run.Id });

        Assert.Equal("Production", result.Promotion.Version.Stage);
    }

    [Fact]
    public async Task A_run_nobody_approved_is_refused_without_touching_the_registry()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var run = world.Server.AddRun("alice", status: "in_progress");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteInJobAsync(run.Id, 1));

        Assert.Equal("MRB1710", error.Code);
        Assert.Equal(Operation.Register, (await HistoryAsync())[^1].Operation);
    }

    [Fact]
    public async Task A_failing_required_status_context_gives_409_and_nothing_is_promoted()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.SetCommitStatus(world.Server.Run(runId).HeadSha, "ci/tests", "failure");

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteInJobAsync(runId, 1, ["ci/tests"]));

        Assert.Equal("MRB1709", error.Code);
        Assert.Contains("ci/tests=failure", error.Message, StringComparison.Ordinal);
        Assert.Equal("None", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@1")).Stage);
        Assert.Empty(OurDeployments());
    }

    [Fact]
    public async Task Green_required_contexts_let_the_deployment_through()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.SetCommitStatus(world.Server.Run(runId).HeadSha, "ci/tests", "success");

        var result = await PromoteInJobAsync(runId, 1, ["ci/tests"]);

        Assert.Equal("success", result.DeploymentState);
    }

    [Fact]
    public async Task An_approval_of_a_finished_run_cannot_be_spent_later()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var run = world.Server.AddRun("alice");
        world.Server.ReviewRun(run.Id, "bob", "approved");
        run.Status = "completed";

        var error = await Assert.ThrowsAsync<RegistryException>(() => PromoteInJobAsync(run.Id, 1));

        Assert.Equal("MRB1715", error.Code);
    }

    [Fact]
    public async Task A_deployment_whose_answer_was_lost_to_a_502_is_read_back_not_made_twice()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.Fail("repos/create-deployment", FakeFailure.BadGateway(afterApplying: true));

        var result = await PromoteInJobAsync(runId, 1);

        var deployment = Assert.Single(OurDeployments());
        Assert.Equal(deployment.Id, result.DeploymentId);
        Assert.Equal(1, world.Server.Count("repos/create-deployment"));
        Assert.Equal(1, world.Server.Count("repos/list-deployments"));
        Assert.Equal("success", Assert.Single(deployment.Statuses).State);
    }

    [Fact]
    public async Task A_rate_limit_while_reading_approvals_is_waited_out_and_the_promotion_goes_through()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        var runId = await RequestAsync(1);
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ok");
        world.Server.Fail("actions/get-reviews-for-run", FakeFailure.RateLimit(resetInSeconds: 2));
        world.Server.Fail("repos/create-deployment-status", FakeFailure.BadGateway());

        var result = await PromoteInJobAsync(runId, 1);

        Assert.Equal("Production", result.Promotion.Version.Stage);
        Assert.Equal(2, world.Server.Count("actions/get-reviews-for-run"));
        Assert.Equal(2, world.Delays.Count);
    }

    [Fact]
    public async Task A_policy_that_wants_a_pull_request_refuses_the_deployment_gate_before_calling_GitHub()
    {
        using var prOnly = TempRegistry.Create(new StagePolicy { Requires = [StagePolicy.GitHubPullRequest] });
        await prOnly.RegisterAsync("FraudDetection", ("auc", 0.93));

        var error = await Assert.ThrowsAsync<RegistryException>(async () => await new DeploymentApprovalGate(world.Api()).PromoteAsync(await prOnly.OpenAsync(),
            new DeploymentPromotionRequest { Reference = "FraudDetection@1", Stage = "Production", RunId = 1 }));

        Assert.Equal("MRB1718", error.Code);
        Assert.Empty(world.Server.Requests);
    }

    [Fact]
    public async Task A_token_without_actions_write_cannot_dispatch_and_leaves_no_request_behind()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));

        var error = await Assert.ThrowsAsync<RegistryException>(async () => await new PromotionDispatcher(world.Api(Tokens.ReadOnly)).RequestAsync(await registry.OpenAsync(),
            new PromotionDispatchRequest { Reference = "FraudDetection@1", Stage = "Production", GitRef = "main" }));

        Assert.Equal("MRB1704", error.Code);
        Assert.Contains("'actions: write'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Operation.Register, (await HistoryAsync())[^1].Operation);
    }

    [Fact]
    public async Task GITHUB_TOKEN_cannot_approve_its_own_deployment()
    {
        var run = world.Server.AddRun("alice");

        var error = await Assert.ThrowsAsync<Octokit.ForbiddenException>(() => Reviewer.ReviewRunAsync(world, Tokens.Actions, run.Id, approve: true, "self-service"));

        Assert.Contains("not accessible by integration", error.Message, StringComparison.Ordinal);
        Assert.Equal("waiting", world.Server.Run(run.Id).Status);
    }

    [Fact]
    public async Task A_dispatch_lost_to_a_502_is_reported_as_maybe_applied_not_sent_again()
    {
        await registry.RegisterAsync("FraudDetection", ("auc", 0.93));
        world.Server.Fail("actions/create-workflow-dispatch", FakeFailure.BadGateway(afterApplying: true));

        var error = await Assert.ThrowsAsync<RegistryException>(() => RequestAsync(1));

        Assert.Equal("MRB1716", error.Code);
        Assert.Equal(1, world.Server.Count("actions/create-workflow-dispatch"));
        Assert.Single(world.Server.Runs);
        Assert.Equal(Operation.Register, (await HistoryAsync())[^1].Operation);
    }
}
