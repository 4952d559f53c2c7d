using System.Globalization;
using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.GitHub.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using ModelRegistry.Schemas;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>Schemas through the GitHub gates: the pull-request comment shows the candidate's schema and its diff
/// against Production, and a breaking promotion under requireCompatibleSchema goes through the deployment and
/// pull-request gates only with --allow-breaking-schema, whose reason the evidence records.</summary>
public sealed class SchemaGateTests : IDisposable
{
    private const string Reason = "the scoring service sends the mask as int64 from release 12";

    private static readonly ModelSchema Baseline = Schema("bool", ("score", "float"));

    private static readonly ModelSchema Breaking = Schema("int64", ("score", "float"), ("probability", "float"));

    private readonly GitHubWorld world = new();
    private readonly TempRegistry registry = TempRegistry.Create(new StagePolicy
    {
        Requires = [StagePolicy.GitHubDeployment, StagePolicy.GitHubPullRequest],
        RequireCompatibleSchema = true,
    });

    private readonly ActionsStep step = new();

    public void Dispose()
    {
        world.Dispose();
        registry.Dispose();
        step.Dispose();
    }

    private static ModelSchema Schema(string maskType, params (string Name, string Type)[] outputs) => new()
    {
        Format = ModelSchema.Declared,
        Inputs = [new SchemaColumn("features", "float", [-1, 4]), new SchemaColumn("mask", maskType, [-1])],
        Outputs = [.. outputs.Select(o => new SchemaColumn(o.Name, o.Type, [-1, 1]))],
    };

    /// <summary>Version 1 (<paramref name="production"/>) in Production, version 2 (<paramref name="candidate"/>) the candidate.</summary>
    private async Task ArrangeAsync(ModelSchema? production, ModelSchema? candidate)
    {
        await registry.RegisterAsync("FraudDetection", production, ("auc", 0.91));
        await registry.RegisterAsync("FraudDetection", candidate, ("auc", 0.93));
        await (await registry.OpenAsync()).PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubPullRequest, Approvers = ["carol"] },
        });
    }

    private async Task<string> GateCommentAsync(string candidate = "FraudDetection@2")
    {
        var pull = world.Server.AddPullRequest("alice");
        var report = await new PullRequestGate(world.Api()).CheckAsync(await registry.OpenAsync(), new PullRequestGateRequest { Number = pull.Number, Candidate = candidate });
        Assert.True(report.Passed);
        return Assert.Single(world.Server.Comments(pull.Number)).Body;
    }

    private async Task<Fake.FakePullRequest> MergedPullRequestAsync()
    {
        var pull = world.Server.AddPullRequest("alice");
        await Reviewer.ReviewPullAsync(world, Tokens.Bob, pull.Number, "APPROVE");
        world.Server.Merge(pull.Number, "bob");
        return pull;
    }

    private Task<CliOutcome> PromoteAsync(string gate, long id, params string[] extra) => PromoteAsync("FraudDetection@2", gate, id, extra);

    private Task<CliOutcome> PromoteAsync(string reference, string gate, long id, params string[] extra) =>
        CliProcess.RunAsync(null, step.Environment(world, Tokens.Actions, 4250),
            ["promote", reference, "--to", "Production", gate, id.ToString(CultureInfo.InvariantCulture), "--registry", registry.Location, .. extra]);

    private static void AssertHolds(string body, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, body, StringComparison.Ordinal);
        }
    }

    private async Task<LogEntry> LastEntryAsync() => (await (await registry.OpenAsync()).HistoryAsync("FraudDetection"))[^1];

    [Fact]
    public async Task The_gate_comment_shows_the_candidate_s_schema_its_breaking_differences_and_how_to_allow_them()
    {
        // arrange
        await ArrangeAsync(Baseline, Breaking);

        // act
        var body = await GateCommentAsync();

        // assert
        AssertHolds(body,
            "| input | mask | int64 | [-1] |",
            "| output | probability | float | [-1, 1] |",
            "Differences from Production version 1:",
            "- ❗ **breaking**: input mask: type bool -> int64",
            "- compatible: output probability: added",
            "refused (MRB2104) unless the promotion gives a reason with `--allow-breaking-schema \"<reason>\"`");
    }

    [Theory]
    [InlineData(false, "No schema: neither version records one.", "#### Schema")]
    [InlineData(true, "Same schema as Production version 1.", "breaking")]
    public async Task The_gate_comment_says_when_neither_version_records_a_schema_or_both_record_the_same(bool schemas, string says, string absent)
    {
        var schema = schemas ? Baseline : null;
        await ArrangeAsync(schema, schema);

        var body = await GateCommentAsync();

        AssertHolds(body, says, schemas ? "| input | features | float | [-1, 4] |" : "");
        Assert.DoesNotContain(absent, body, StringComparison.Ordinal);
        Assert.DoesNotContain("MRB2104", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_back_the_previous_production_version_is_a_rollback_the_gate_comment_and_the_promotion_let_through()
    {
        // arrange: version 2 entered Production over version 1 with a reason; version 1's schema breaks version 2's
        await ArrangeAsync(Breaking, Baseline);
        await (await registry.OpenAsync()).PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@2",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubPullRequest, Approvers = ["carol"] },
            AllowBreakingSchema = Reason,
        });
        var pull = await MergedPullRequestAsync();

        // act
        var body = await GateCommentAsync("FraudDetection@1");
        var promoted = await PromoteAsync("FraudDetection@1", "--github-pr", pull.Number);

        // assert
        AssertHolds(body,
            "Differences from Production version 2:",
            "- ❗ **breaking**: input mask: type bool -> int64",
            "this version held Production before the current one: a rollback puts back what consumers ran before");
        Assert.DoesNotContain("MRB2104", body, StringComparison.Ordinal);
        Assert.True(promoted.ExitCode == 0, promoted.All);
        Assert.Equal("Production", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@1")).Stage);
        Assert.Null((await LastEntryAsync()).Evidence!["breakingSchema"]);
    }

    [Fact]
    public async Task A_merged_pull_request_promotes_a_breaking_schema_only_with_a_reason_that_the_evidence_records()
    {
        // arrange
        await ArrangeAsync(Baseline, Breaking);
        var pull = await MergedPullRequestAsync();

        // act
        var refused = await PromoteAsync("--github-pr", pull.Number);
        var allowed = await PromoteAsync("--github-pr", pull.Number, "--allow-breaking-schema", Reason);

        // assert
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("error MRB2104:", refused.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.All);
        var entry = await LastEntryAsync();
        Assert.Equal(Operation.Stage, entry.Operation);
        Assert.Equal(pull.Number, entry.Evidence!["details"]!["pullRequest"]!.GetValue<int>());
        Assert.Equal(Reason, entry.Evidence["breakingSchema"]!["reason"]!.GetValue<string>());
        Assert.Equal("input mask: type bool -> int64", Assert.Single(entry.Evidence["breakingSchema"]!["differences"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task An_approved_deployment_promotes_a_breaking_schema_only_with_a_reason_and_reports_the_refusal_on_the_deployment()
    {
        // arrange
        await ArrangeAsync(Baseline, Breaking);
        var run = world.Server.AddRun("alice");
        world.Server.ReviewRun(run.Id, "bob", "approved", "ship it");

        // act
        var refused = await PromoteAsync("--github-run", run.Id);
        var allowed = await PromoteAsync("--github-run", run.Id, "--allow-breaking-schema", Reason);

        // assert
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("error MRB2104:", refused.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.All);
        Assert.Equal(["failure", "success"], world.Server.Deployments.Select(d => d.Statuses[^1].State));
        var entry = await LastEntryAsync();
        Assert.Equal("github-deployment", entry.Evidence!["kind"]!.GetValue<string>());
        Assert.Equal(world.Server.Deployments[^1].Id, entry.Evidence["details"]!["deploymentId"]!.GetValue<long>());
        Assert.Equal(Reason, entry.Evidence["breakingSchema"]!["reason"]!.GetValue<string>());
        Assert.Equal("Production", (await (await registry.OpenAsync()).ResolveAsync("FraudDetection@2")).Stage);
    }

    [Fact]
    public async Task A_requested_promotion_carries_the_reason_to_the_promoting_job_as_a_workflow_input()
    {
        // arrange
        await ArrangeAsync(Baseline, Breaking);

        // act
        var requested = await CliProcess.RunAsync(null, world.WorkflowEnvironment(Tokens.Alice),
            "promote", "request", "FraudDetection@2", "--to", "Production", "--allow-breaking-schema", Reason, "--registry", registry.Location, "--json");
        var runId = System.Text.Json.Nodes.JsonNode.Parse(requested.Stdout)!["runId"]!.GetValue<long>();
        await Reviewer.ReviewRunAsync(world, Tokens.Bob, runId, approve: true, "ship it");
        var carried = world.Server.Run(runId).Inputs["allow_breaking_schema"]!.GetValue<string>();
        var promoted = await PromoteAsync("--github-run", runId, "--allow-breaking-schema", carried);

        // assert
        Assert.True(requested.ExitCode == 0, requested.All);
        Assert.True(promoted.ExitCode == 0, promoted.All);
        var history = await (await registry.OpenAsync()).HistoryAsync("FraudDetection");
        Assert.Equal(Reason, history[^2].Evidence!["details"]!["allowBreakingSchema"]!.GetValue<string>());
        Assert.Equal(Reason, history[^1].Evidence!["breakingSchema"]!["reason"]!.GetValue<string>());
    }
}
