using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>Stage moves under races and retries: an approval applies to the displacement the approver saw, a retried
/// rollback never re-deploys what it rolled back, and a change that landed is never reported as a failure.</summary>
public class StageMoveTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Versions 1..n with auc 0.80, 0.90, 0.85, … as given.</summary>
    private async Task<Registry> WithVersionsAsync(params double[] aucs)
    {
        var registry = await harness.OpenAsync();
        foreach (var auc in aucs)
        {
            await harness.RegisterAsync(registry, "FraudDetection", $"weights {auc}", r => r with { Metrics = RegistryHarness.Metrics(("auc", auc)) });
        }

        return registry;
    }

    private static bool IsLog(string path) => path.Contains("/log/", StringComparison.Ordinal);

    private async Task<int?> HolderAsync(string stage) =>
        (await (await harness.OpenAsync()).LoadModelAsync("FraudDetection")).State.Stages.TryGetValue(stage, out var held) ? held : null;

    [Fact]
    public async Task An_approved_promotion_whose_displacement_changed_before_its_commit_is_refused_and_commits_nothing()
    {
        // arrange: Production = v1 (auc 0.80); B evaluates v3 (0.85) against Production = v1, then A moves v2 (0.90) in.
        var registry = await WithVersionsAsync(0.80, 0.90, 0.85);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var storage = new HookedStorage(new FolderStorage(harness.Root));
        storage.BeforeFirstCreate(IsLog, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production"));
        var promoterB = await Registry.OpenAsync(storage);
        var revisionsBefore = (await registry.HistoryAsync("FraudDetection")).Count;

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => promoterB.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@3",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("bob"),
            Thresholds = [ThresholdRule.Parse("auc>=Production")],
        }));

        // assert
        Assert.Equal("MRB1310", error.Code);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await HolderAsync("Production"));
        Assert.Equal(revisionsBefore + 1, (await (await harness.OpenAsync()).HistoryAsync("FraudDetection")).Count);
    }

    [Fact]
    public async Task An_unapproved_gated_move_that_lost_a_race_is_evaluated_again_against_the_new_holder()
    {
        // arrange: Staging needs no approval; v3 (0.85) beats Staging = v1 (0.80) but not v2 (0.90), which A moves in.
        var registry = await WithVersionsAsync(0.80, 0.90, 0.85);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging", approver: null);
        var storage = new HookedStorage(new FolderStorage(harness.Root));
        storage.BeforeFirstCreate(IsLog, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging", approver: null));
        var promoterB = await Registry.OpenAsync(storage);

        // act
        var result = await promoterB.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@3",
            Stage = "Staging",
            Thresholds = [ThresholdRule.Parse("auc>=Staging")],
        });

        // assert
        Assert.False(result.Evaluation.Passed);
        Assert.False(result.Changed);
        Assert.Contains("version 2", Assert.Single(result.Evaluation.Rules).Baseline, StringComparison.Ordinal);
        Assert.Equal(2, await HolderAsync("Staging"));
    }

    [Fact]
    public async Task Expect_current_refuses_a_move_when_another_version_holds_the_stage()
    {
        var registry = await WithVersionsAsync(0.8, 0.9, 0.95);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");

        var error = await Refusal.ExpectAsync("MRB1310", harness.Root, () => registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@3",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("alice"),
            ExpectCurrent = ExpectedHolder.Parse("1"),
        }));
        var promoted = await registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@3",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("alice"),
            ExpectCurrent = ExpectedHolder.Parse("2"),
        });

        Assert.Contains("Production of FraudDetection is version 2 where version 1 was expected", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, 2), (promoted.Version.Version, promoted.Displaced));
        await Refusal.ExpectAsync("MRB1310", harness.Root, () => registry.PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@1",
            Stage = "Staging",
            ExpectCurrent = ExpectedHolder.Parse("2"),
        }));
        Assert.True((await registry.PromoteAsync(new PromotionRequest { Reference = "FraudDetection@1", Stage = "Staging", ExpectCurrent = ExpectedHolder.None })).Changed);
        Refusal.Expect("MRB1311", () => ExpectedHolder.Parse("three"));
    }

    [Fact]
    public async Task An_alias_set_through_a_stage_that_moves_before_the_commit_is_refused()
    {
        // arrange: Production holds 1, and moves to 2 between the alias's resolve and its commit
        var registry = await WithVersionsAsync(0.8, 0.9);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var storage = new HookedStorage(new FolderStorage(harness.Root));
        storage.BeforeFirstCreate(IsLog, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await Registry.OpenAsync(storage)).SetAliasAsync("FraudDetection@Production", "champion", null, null));

        // assert: refused, and no alias names the version that left Production
        Assert.Equal("MRB1312", error.Code);
        Assert.Empty((await registry.LoadModelAsync("FraudDetection")).State.Aliases);
    }

    [Fact]
    public async Task A_stage_reference_that_moves_before_the_commit_is_refused()
    {
        var registry = await WithVersionsAsync(0.8, 0.9);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging", approver: null);
        var storage = new HookedStorage(new FolderStorage(harness.Root));
        storage.BeforeFirstCreate(IsLog, () => RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Staging", approver: null));

        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await Registry.OpenAsync(storage)).PromoteAsync(new PromotionRequest
        {
            Reference = "FraudDetection@Staging",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("alice"),
        }));

        Assert.Equal("MRB1312", error.Code);
        Assert.Null(await HolderAsync("Production"));
    }

    [Fact]
    public async Task A_retried_rollback_is_a_no_op_that_says_why()
    {
        var registry = await WithVersionsAsync(0.8, 0.9);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
        var plan = await registry.PlanRollbackAsync("FraudDetection", null);

        var first = await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null, plan.From);
        var retried = await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null, plan.From);

        Assert.Equal((2, 1), (plan.From, plan.To));
        Assert.Equal((1, true), (first.Version.Version, first.Changed));
        Assert.False(retried.Changed);
        Assert.Equal(1, retried.Version.Version);
        Assert.Equal("FraudDetection version 2 no longer holds Production (version 1 does): nothing was rolled back.", retried.Note);
        Assert.Equal(1, await HolderAsync("Production"));
        Assert.Equal(3, (await registry.HistoryAsync("FraudDetection")).Count(e => e.Operation != Operation.Register));
    }

    [Fact]
    public async Task A_rollback_named_by_its_version_can_undo_a_rollback_and_records_what_it_rolled_back()
    {
        // arrange: Production went 1 then 2, and 2 was rolled back
        var registry = await WithVersionsAsync(0.8, 0.9);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
        await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null);

        // act: a plain rollback does nothing; one that names version 1 undoes the rollback
        var plain = await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null);
        var undone = await registry.RollbackAsync("FraudDetection", null, PromotionEvidence.LocalApproval("alice"), null, null, from: 1);

        // assert
        Assert.False(plain.Changed);
        Assert.Equal((2, true), (undone.Version.Version, undone.Changed));
        Assert.Equal([2, 1], (await registry.HistoryAsync("FraudDetection")).Where(e => e.RolledBack is not null).Select(e => e.RolledBack!.Value));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    public async Task Finding_a_rollback_target_reads_the_same_few_objects_at_any_history_length(int promotions)
    {
        // arrange: two versions swapped in and out of Production many times
        var registry = await WithVersionsAsync(0.8, 0.9);
        for (var i = 0; i < promotions; i++)
        {
            await RegistryHarness.PromoteAsync(registry, $"FraudDetection@{1 + (i % 2)}", "Production");
        }

        var storage = new HookedStorage(new FolderStorage(harness.Root));
        var fresh = await Registry.OpenAsync(storage);
        storage.ResetReads();

        // act
        var plan = await fresh.PlanRollbackAsync("FraudDetection", null);

        // assert: the state snapshot and a probe for the next revision, whatever the history
        Assert.Equal(promotions % 2 == 0 ? (2, 1) : (1, 2), (plan.From, plan.To!.Value));
        Assert.InRange(storage.Reads, 1, 3);
    }

    [Fact]
    public async Task A_promotion_that_landed_is_reported_as_landed_when_the_cache_after_it_cannot_be_written()
    {
        var registry = await WithVersionsAsync(0.8);
        var storage = new HookedStorage(new FolderStorage(harness.Root))
        {
            ReplaceFails = () => Errors.AzureAccessDenied("the registry", "replacing 'models/frauddetection/state.json'", "403 AuthorizationPermissionMismatch"),
        };

        var result = await (await Registry.OpenAsync(storage)).PromoteAsync(new PromotionRequest { Reference = "FraudDetection@1", Stage = "Staging" });

        Assert.True(result.Changed);
        Assert.Equal("Staging", result.Version.Stage);
        Assert.StartsWith("MRB1109: Revision 2 of FraudDetection has landed", result.Warning, StringComparison.Ordinal);
        Assert.Equal(1, await HolderAsync("Staging"));
    }

    [Fact]
    public async Task A_snapshot_written_before_rollback_targets_were_folded_is_folded_again_from_the_log()
    {
        var registry = await WithVersionsAsync(0.8, 0.9);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
        var statePath = harness.StoredPath(RegistryPaths.State("frauddetection"));
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(statePath))!.AsObject();
        old["format"] = 1;
        old.Remove("lastHolders");
        old.Remove("previousHolders");
        File.WriteAllText(statePath, old.ToJsonString());

        var plan = await (await harness.OpenAsync()).PlanRollbackAsync("FraudDetection", null);

        Assert.Equal((2, 1), (plan.From, plan.To!.Value));
    }
}
