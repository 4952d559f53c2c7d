using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class StageTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<Registry> WithVersionsAsync(int count, RegistrySettings? settings = null)
    {
        if (settings is not null)
        {
            harness.WriteSettings(settings);
        }

        var registry = await harness.OpenAsync();
        for (var i = 1; i <= count; i++)
        {
            await harness.RegisterAsync(registry, "FraudDetection", $"weights-{i}", r => r with { Metrics = RegistryHarness.Metrics(("auc", 0.9 + (i / 100.0))) });
        }

        return registry;
    }

    private static async Task<IReadOnlyDictionary<int, string>> StagesAsync(Registry registry) =>
        (await registry.ListVersionsAsync("FraudDetection")).ToDictionary(v => v.Version, v => v.Stage);

    [Fact]
    public async Task Promote_to_staging_moves_the_pointer_in_one_commit()
    {
        var registry = await WithVersionsAsync(1);

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "staging", approver: null);

        Assert.True(result.Changed);
        Assert.Equal(("Staging", "None"), (result.Version.Stage, result.FromStage));
        Assert.Equal(1, (await registry.ResolveAsync("FraudDetection@Staging")).Version);
        Assert.Equal(Operation.Stage, result.Entry!.Operation);
        Assert.Equal(2, result.Entry.Revision);
    }

    [Fact]
    public async Task Promote_to_staging_displaces_the_previous_staging_version_to_none()
    {
        var registry = await WithVersionsAsync(2);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging");

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging");

        Assert.Equal((1, "None"), (result.Displaced, result.DisplacedTo));
        Assert.Equal(new Dictionary<int, string> { [1] = "None", [2] = "Staging" }, await StagesAsync(registry));
    }

    [Fact]
    public async Task Promote_to_production_archives_the_previous_production_version()
    {
        var registry = await WithVersionsAsync(3);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging");

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");

        Assert.Equal(("Staging", 1, "Archived"), (result.FromStage, result.Displaced, result.DisplacedTo));
        Assert.Equal(new Dictionary<int, string> { [1] = "Archived", [2] = "Production", [3] = "None" }, await StagesAsync(await harness.OpenAsync()));
        Assert.Equal(1, (await registry.ResolveAsync("FraudDetection@1")).Version);
    }

    [Fact]
    public async Task Each_stage_holds_exactly_one_version_after_many_moves()
    {
        var registry = await WithVersionsAsync(4);
        foreach (var (version, stage) in new[] { (1, "Production"), (2, "Staging"), (2, "Production"), (3, "Staging"), (4, "Production"), (1, "Staging") })
        {
            await RegistryHarness.PromoteAsync(registry, $"FraudDetection@{version}", stage);
        }

        var stages = await StagesAsync(await harness.OpenAsync());

        Assert.Equal(new Dictionary<int, string> { [1] = "Staging", [2] = "Archived", [3] = "None", [4] = "Production" }, stages);
    }

    [Fact]
    public async Task Production_requires_approval_evidence_and_a_refusal_writes_nothing()
    {
        var registry = await WithVersionsAsync(1);

        var error = await Refusal.ExpectAsync("MRB1301", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production", approver: null));

        Assert.Contains("--approved-by", error.Message, StringComparison.Ordinal);
        await Refusal.ExpectAsync("MRB1301", harness.Root, () => registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.Local, Approvers = [] },
        }));
    }

    [Fact]
    public async Task Approval_is_recorded_as_evidence_in_the_revision()
    {
        var registry = await WithVersionsAsync(1);

        var result = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Reason = "beats v0 on the holdout",
            Evidence = PromotionEvidence.LocalApproval("alice") with { Details = new() { ["ticket"] = "CHG-42" } },
            Actor = "bob",
        });

        var evidence = result.Entry!.Evidence!;
        Assert.Equal("local", (string?)evidence["kind"]);
        Assert.Equal("alice", (string?)evidence["approvers"]![0]);
        Assert.Equal("CHG-42", (string?)evidence["details"]!["ticket"]);
        Assert.Equal(("bob", "beats v0 on the holdout"), (result.Entry.Actor, result.Entry.Reason));
    }

    [Fact]
    public async Task Distinct_approver_policy_refuses_self_approval()
    {
        var settings = new RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["Production"] = new StagePolicy { Requires = [StagePolicy.Approval], DistinctApprover = true } },
        };
        var registry = await WithVersionsAsync(1, settings);

        await Refusal.ExpectAsync("MRB1302", harness.Root, () => registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("Bob"),
            Actor = "bob",
        }));
        await Refusal.ExpectAsync("MRB1302", harness.Root, () => registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("carol") with { Requester = "carol" },
            Actor = "bob",
        }));

        var approved = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("alice"),
            Actor = "bob",
        });
        Assert.True(approved.Changed);
    }

    [Fact]
    public async Task Policy_naming_a_github_gate_refuses_a_local_approval()
    {
        var settings = new RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["Production"] = new StagePolicy { Requires = [StagePolicy.GitHubDeployment] } },
        };
        var registry = await WithVersionsAsync(1, settings);

        await Refusal.ExpectAsync("MRB1302", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production"));

        var gated = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.GitHubDeployment, Approvers = ["octocat"] },
        });
        Assert.True(gated.Changed);
    }

    [Fact]
    public async Task Policy_thresholds_gate_the_promotion_and_a_failure_commits_nothing()
    {
        var settings = new RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["Staging"] = new StagePolicy { Thresholds = ["auc>=0.915"] } },
        };
        var registry = await WithVersionsAsync(2, settings);
        var before = harness.Listing();

        var refused = await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging");
        Assert.False(refused.Changed);
        Assert.False(refused.Evaluation.Passed);
        Assert.Equal(before, harness.Listing());

        var promoted = await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging");
        Assert.True(promoted.Changed);
        Assert.True(promoted.Evaluation.Passed);
        Assert.True((bool?)promoted.Entry!.Evidence!["evaluation"]!["passed"]);
    }

    [Fact]
    public async Task Automated_gate_with_canary_metrics_is_recorded_as_evidence()
    {
        var registry = await WithVersionsAsync(1);
        var canary = RegistryHarness.Metrics(("canary.error_rate", 0.001));

        var failed = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Staging",
            Metrics = canary,
            Thresholds = [ThresholdRule.Parse("canary.error_rate<0.0005")],
        });
        var passed = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Staging",
            Metrics = canary,
            Thresholds = [ThresholdRule.Parse("canary.error_rate<0.01")],
        });

        Assert.False(failed.Changed);
        Assert.True(passed.Changed);
        var rule = passed.Entry!.Evidence!["evaluation"]!["rules"]![0]!;
        Assert.Equal("canary.error_rate", (string?)rule["metric"]);
        Assert.Equal(0.001, (double?)rule["actual"]);
    }

    [Fact]
    public async Task Promoting_into_the_stage_a_version_already_holds_commits_nothing()
    {
        var registry = await WithVersionsAsync(1);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var before = harness.Listing();

        var again = await RegistryHarness.PromoteAsync(await harness.OpenAsync(), "FraudDetection@1", "Production");

        Assert.False(again.Changed);
        Assert.Null(again.Entry);
        Assert.Equal("Production", again.Version.Stage);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Archive_moves_a_version_out_of_its_stage()
    {
        var registry = await WithVersionsAsync(2);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging");

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Archived", approver: null, reason: "superseded");

        Assert.Equal(("Archived", "Staging"), (result.Version.Stage, result.FromStage));
        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.ResolveAsync("FraudDetection@Staging"));
        await Refusal.ExpectAsync("MRB1002", harness.Root, () => registry.ResolveAsync("FraudDetection@Archived"));
        Assert.Equal(new Dictionary<int, string> { [1] = "Archived", [2] = "None" }, await StagesAsync(registry));
    }

    [Fact]
    public async Task Rollback_repromotes_the_previous_production_version()
    {
        var registry = await WithVersionsAsync(3);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");

        var result = await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, RegistryHarness.Actor);

        Assert.Equal((1, "Production", 2, "Archived"), (result.Version.Version, result.Version.Stage, result.Displaced, result.DisplacedTo));
        Assert.Equal("rollback from version 2", result.Entry!.Reason);
        Assert.Equal(new Dictionary<int, string> { [1] = "Production", [2] = "Archived", [3] = "None" }, await StagesAsync(await harness.OpenAsync()));
    }

    [Fact]
    public async Task Rollback_of_production_needs_approval_like_any_promotion()
    {
        var registry = await WithVersionsAsync(2);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");

        await Refusal.ExpectAsync("MRB1301", harness.Root, () => registry.RollbackAsync("FraudDetection", "Production", null, "bad model", RegistryHarness.Actor));
    }

    [Fact]
    public async Task Rollback_without_an_earlier_version_is_refused()
    {
        var registry = await WithVersionsAsync(2);

        await Refusal.ExpectAsync("MRB1303", harness.Root, () => registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null));
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await Refusal.ExpectAsync("MRB1303", harness.Root, () => registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null));
    }

    [Fact]
    public async Task Rollback_of_staging()
    {
        var registry = await WithVersionsAsync(2);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging");

        var result = await registry.RollbackAsync("FraudDetection", "Staging", null, null, null);

        Assert.Equal((1, "Staging"), (result.Version.Version, result.Version.Stage));
    }

    [Fact]
    public async Task Unknown_stage_unknown_version_and_unknown_model_are_refused()
    {
        var registry = await WithVersionsAsync(1);

        await Refusal.ExpectAsync("MRB1009", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Prod"));
        await Refusal.ExpectAsync("MRB1004", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@9", "Staging"));
        await Refusal.ExpectAsync("MRB1003", harness.Root, () => RegistryHarness.PromoteAsync(registry, "Nope@1", "Staging"));
        await Refusal.ExpectAsync("MRB1001", harness.Root, () => RegistryHarness.PromoteAsync(registry, "../x@1", "Staging"));
    }

    [Fact]
    public async Task Custom_stage_of_the_registry_is_a_pointer_like_staging()
    {
        var registry = await WithVersionsAsync(2, new RegistrySettings { Stages = ["None", "Canary", "Staging", "Production", "Archived"] });

        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "canary");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Canary");

        Assert.Equal(2, (await registry.ResolveAsync("FraudDetection@Canary")).Version);
        Assert.Equal(new Dictionary<int, string> { [1] = "None", [2] = "Canary" }, await StagesAsync(await harness.OpenAsync()));
    }

    [Fact]
    public async Task Policy_written_by_hand_with_a_lower_case_stage_still_applies()
    {
        Directory.CreateDirectory(harness.Root);
        File.WriteAllText(
            harness.StoredPath(RegistryPaths.Settings),
            """{"format": 1, "kind": "model-registry", "policies": {"production": {"requires": ["approval"]}, "staging": {"requires": ["approval"]}}}""");
        var registry = await WithVersionsAsync(1);

        await Refusal.ExpectAsync("MRB1301", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging", approver: null));
        await Refusal.ExpectAsync("MRB1301", harness.Root, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production", approver: null));
    }
}
