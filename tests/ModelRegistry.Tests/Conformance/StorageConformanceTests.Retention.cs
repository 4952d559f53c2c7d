using ModelRegistry.Manifest;
using ModelRegistry.Retention;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Conformance;

/// <summary>Retention: which versions keep their files, the purge revision that records the rest, and what a purged
/// version still answers. Every rule on both backends.</summary>
public abstract partial class StorageConformanceTests
{
    private static Task<RetentionRevision> SetRetentionAsync(Registry registry, RetentionPolicy policy, string? model = null) =>
        registry.SetRetentionAsync(new RetentionChange { Model = model, Policy = policy, Reason = "conformance", Actor = "conformance" });

    private async Task<Registry> WithVersionsAsync(IRegistryStorage storage, string model, int count, Func<int, string?>? label = null)
    {
        var registry = await Registry.OpenAsync(storage);
        for (var i = 1; i <= count; i++)
        {
            await registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [Artifact($"{model} weights {i}")], Label = label?.Invoke(i) });
        }

        return registry;
    }

    private static async Task<GcReport> GcAsync(IRegistryStorage storage, bool apply, int daysAhead = 2)
    {
        var registry = await Registry.OpenAsync(storage);
        registry.Clock = ShiftedClock.DaysAhead(daysAhead);
        return await registry.CollectGarbageAsync(new GcRequest { Apply = apply, Actor = "conformance" });
    }

    private static ModelRetentionPlan PlanOf(GcReport report, string model) => Assert.Single(report.Models, m => m.Model == model);

    private static int[] Purged(ModelRetentionPlan plan) => [.. plan.Purge.Select(p => p.Version)];

    private static IReadOnlyList<string> RulesOf(ModelRetentionPlan plan, int version) => Assert.Single(plan.Kept, k => k.Version == version).Rules;

    [Fact]
    public async Task Without_a_retention_policy_gc_keeps_every_version_s_files()
    {
        var storage = await CreateStorageAsync();
        await WithVersionsAsync(storage, "FraudDetection", 3);

        var report = await GcAsync(storage, apply: true, daysAhead: 400);

        var plan = PlanOf(report, "FraudDetection");
        Assert.Null(report.PolicyRevision);
        Assert.Empty(plan.Purge);
        Assert.All(plan.Kept, k => Assert.Equal(["no retention policy"], k.Rules));
        for (var version = 1; version <= 3; version++)
        {
            await AssertPullsAsync(storage, $"FraudDetection@{version}", $"FraudDetection weights {version}");
        }
    }

    [Fact]
    public async Task Keep_last_plans_then_purges_the_older_versions_and_records_the_purge()
    {
        var storage = await CreateStorageAsync();
        var registry = await WithVersionsAsync(storage, "FraudDetection", 4);
        var policy = await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 2 });
        var before = await storage.ListAsync(RegistryPaths.Blobs).CountAsync();

        var plan = PlanOf(await GcAsync(storage, apply: false), "FraudDetection");

        Assert.Equal([1, 2], Purged(plan));
        Assert.Equal(["among the last 2"], RulesOf(plan, 3));
        Assert.Equal(before, await storage.ListAsync(RegistryPaths.Blobs).CountAsync());

        var report = await GcAsync(storage, apply: true);

        var applied = PlanOf(report, "FraudDetection");
        Assert.Equal(policy.Revision, report.PolicyRevision);
        Assert.NotNull(applied.PurgeRevision);
        Assert.Equal(2, report.Unnamed.Count);
        Assert.Equal(applied.BytesReclaimed, report.Bytes);
        var fresh = await Registry.OpenAsync(storage);
        var purge = Assert.Single(await fresh.HistoryAsync("FraudDetection"), e => e.Operation == Operation.Purge);
        Assert.Equal([1, 2], purge.Versions);
        Assert.Equal(policy.Revision, purge.PolicyRevision);
        Assert.Equal("conformance", purge.Actor);

        // The record stays: show answers, with the purge; pull, resolve for use and promotion refuse, naming the revision.
        var shown = await fresh.ResolveAsync("FraudDetection@1");
        Assert.Equal(purge.Revision, shown.PurgedBy);
        var pull = await Assert.ThrowsAsync<RegistryException>(() => fresh.PullAsync("FraudDetection@1", Work.Combine("purged")));
        Assert.Equal("MRB1230", pull.Code);
        Assert.Contains($"revision {purge.Revision}", pull.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Work.Combine("purged")) && Directory.EnumerateFileSystemEntries(Work.Combine("purged")).Any());
        Assert.Equal("MRB1230", (await Assert.ThrowsAsync<RegistryException>(() => PromoteAsync(fresh, "FraudDetection@2", "Production"))).Code);
        Assert.Equal("MRB1230", (await Assert.ThrowsAsync<RegistryException>(() => fresh.SetAliasAsync("FraudDetection@2", "champion", null, null))).Code);
        Assert.Equal("MRB1230", (await Assert.ThrowsAsync<RegistryException>(() => ModelRegistryClient.Create(fresh, Work.Combine("cache")).PullAsync("FraudDetection@1"))).Code);
        await AssertPullsAsync(storage, "FraudDetection@4", "FraudDetection weights 4");
        Assert.True((await fresh.VerifyAsync()).Clean);

        // A second gc finds nothing more to do.
        var again = await GcAsync(storage, apply: true);
        Assert.Empty(PlanOf(again, "FraudDetection").Purge);
        Assert.Equal(2, PlanOf(again, "FraudDetection").AlreadyPurged);
        Assert.Empty(again.Unnamed);
    }

    [Fact]
    public async Task Stage_holders_aliases_and_labelled_versions_keep_their_files()
    {
        var storage = await CreateStorageAsync();
        var registry = await WithVersionsAsync(storage, "FraudDetection", 6, i => i == 1 ? "1.0.0" : null);
        await PromoteAsync(registry, "FraudDetection@2", "Production");
        await PromoteAsync(registry, "FraudDetection@4", "Staging");
        await registry.SetAliasAsync("FraudDetection@3", "champion", null, "conformance");
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1, KeepLabelled = true });

        var plan = PlanOf(await GcAsync(storage, apply: true), "FraudDetection");

        Assert.Equal([5], Purged(plan));
        Assert.Equal(["labelled 1.0.0"], RulesOf(plan, 1));
        Assert.Equal(["holds Production"], RulesOf(plan, 2));
        Assert.Equal(["alias champion"], RulesOf(plan, 3));
        Assert.Equal(["holds Staging"], RulesOf(plan, 4));
        Assert.Equal(["among the last 1"], RulesOf(plan, 6));
        await AssertPullsAsync(storage, "FraudDetection@Production", "FraudDetection weights 2");
        await AssertPullsAsync(storage, "FraudDetection@champion", "FraudDetection weights 3");
        await AssertPullsAsync(storage, "FraudDetection@1.0.0", "FraudDetection weights 1");
    }

    [Fact]
    public async Task A_version_that_left_Production_within_the_window_is_kept_and_after_it_is_purged()
    {
        // Production went 1, 2, 3: version 2 is what a rollback puts back, version 1 only left the stage.
        var storage = await CreateStorageAsync();
        var registry = await WithVersionsAsync(storage, "FraudDetection", 4);
        await PromoteAsync(registry, "FraudDetection@1", "Production");
        await PromoteAsync(registry, "FraudDetection@2", "Production");
        await PromoteAsync(registry, "FraudDetection@3", "Production");
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1, KeepProductionFor = TimeSpan.FromDays(365) });

        var within = PlanOf(await GcAsync(storage, apply: false, daysAhead: 40), "FraudDetection");
        Assert.Empty(within.Purge);
        Assert.StartsWith("left a stage 40d ago (window 365d)", Assert.Single(RulesOf(within, 1)), StringComparison.Ordinal);

        // Without a window of its own, a policy keeps a version that left a stage for 30 days: 40 days on, it goes.
        await registry.SetRetentionAsync(new RetentionChange { Clear = true });
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1 });
        var after = PlanOf(await GcAsync(storage, apply: true, daysAhead: 40), "FraudDetection");
        Assert.Equal([1], Purged(after));
        Assert.Equal(["holds Production"], RulesOf(after, 3));
        Assert.Equal(["rollback target of Production"], RulesOf(after, 2));
    }

    [Fact]
    public async Task The_version_a_rollback_would_put_back_keeps_its_files_whatever_the_window()
    {
        // arrange: Production went 1 then 2; the policy keeps one version and no window at all
        var storage = await CreateStorageAsync();
        var registry = await WithVersionsAsync(storage, "FraudDetection", 3);
        await PromoteAsync(registry, "FraudDetection@1", "Production");
        await PromoteAsync(registry, "FraudDetection@2", "Production");
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1, KeepProductionFor = TimeSpan.Zero });

        // act
        var plan = PlanOf(await GcAsync(storage, apply: true, daysAhead: 400), "FraudDetection");

        // assert: nothing to purge (3 is the last, 2 holds Production, 1 is the rollback target), and the rollback works
        Assert.Empty(plan.Purge);
        Assert.Equal(["rollback target of Production"], RulesOf(plan, 1));
        var rolledBack = await (await Registry.OpenAsync(storage)).RollbackAsync("FraudDetection", null, Policies.PromotionEvidence.LocalApproval("conformance"), "bad model", "conformance");
        Assert.Equal(1, rolledBack.Version.Version);
        await AssertPullsAsync(storage, "FraudDetection@Production", "FraudDetection weights 1");
    }

    [Fact]
    public async Task A_model_s_own_rules_beat_the_default_field_by_field()
    {
        var storage = await CreateStorageAsync();
        var registry = await WithVersionsAsync(storage, "FraudDetection", 4, i => i == 1 ? "1.0.0" : null);
        await WithVersionsAsync(storage, "ChurnModel", 4, i => i == 1 ? "1.0.0" : null);
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1, KeepLabelled = true });
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 3 }, "FraudDetection");

        var report = await GcAsync(storage, apply: false);

        Assert.Equal([2, 3], Purged(PlanOf(report, "ChurnModel")));
        Assert.Equal([], Purged(PlanOf(report, "FraudDetection")));
        Assert.Equal("--keep-last 3 --keep-labelled", PlanOf(report, "FraudDetection").Policy);
        Assert.Equal(["labelled 1.0.0"], RulesOf(PlanOf(report, "FraudDetection"), 1));

        // Clearing the override puts the model back on the default.
        await registry.SetRetentionAsync(new RetentionChange { Model = "FraudDetection", Clear = true });
        var cleared = await GcAsync(storage, apply: false);
        Assert.Equal([2, 3], Purged(PlanOf(cleared, "FraudDetection")));
        var history = await registry.RetentionHistoryAsync();
        Assert.Equal([null, "FraudDetection", "FraudDetection"], history.Select(r => r.Model));
        Assert.Equal(["conformance", "conformance", null], history.Select(r => r.Reason));
        Assert.False(history[^1].Models.ContainsKey("frauddetection"));
    }

    [Fact]
    public async Task A_file_a_kept_version_shares_with_a_purged_one_survives_and_only_the_rest_is_reclaimed()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        var shared = Work.WriteFile(Path.Combine("shared", "tokenizer.json"), "the shared tokenizer");
        for (var i = 1; i <= 2; i++)
        {
            await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact($"own weights {i}"), shared] });
        }

        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1 });
        var report = await GcAsync(storage, apply: true);

        var plan = PlanOf(report, "FraudDetection");
        Assert.Equal([1], Purged(plan));
        Assert.Equal("own weights 1".Length, plan.BytesReclaimed);
        Assert.Single(report.Unnamed);
        var output = Work.Combine("pulled-shared");
        await (await Registry.OpenAsync(storage)).PullAsync("FraudDetection@2", output);
        Assert.Equal("the shared tokenizer", File.ReadAllText(Path.Combine(output, "tokenizer.json")));
        Assert.True((await (await Registry.OpenAsync(storage)).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task Registering_a_purged_recipe_again_restores_the_same_version()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        var first = Artifact("first weights");
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [first] });
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("second weights")] });
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1 });
        await GcAsync(storage, apply: true);
        var purgedId = (await (await Registry.OpenAsync(storage)).ResolveAsync("FraudDetection@1")).Digest;

        var again = await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [first] });

        Assert.True(again.Restored);
        Assert.False(again.Created);
        Assert.Equal(1, again.Version!.Version);
        Assert.Equal(purgedId, again.Version.Digest);
        Assert.Null(again.Version.PurgedBy);
        Assert.True(again.BytesUploaded > 0);
        await AssertPullsAsync(storage, "FraudDetection@1", "first weights");
        var fresh = await Registry.OpenAsync(storage);
        Assert.Equal(Operation.Restore, (await fresh.HistoryAsync("FraudDetection"))[^1].Operation);
        Assert.True((await fresh.VerifyAsync()).Clean);

        // Restored, it is a version like any other: a promotion takes it, and retention plans it again by its rules.
        await PromoteAsync(fresh, "FraudDetection@1", "Staging");
        Assert.Equal(["holds Staging"], RulesOf(PlanOf(await GcAsync(storage, apply: false), "FraudDetection"), 1));
    }

    [Fact]
    public async Task A_version_promoted_while_gc_plans_is_not_purged()
    {
        var storage = await CreateStorageAsync();
        var hooked = new HookedStorage(storage);
        var registry = await WithVersionsAsync(storage, "FraudDetection", 3);
        await SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 1 });

        // The promotion lands just before gc's purge commit, which is decided again against it.
        hooked.BeforeFirstCreate(path => RegistryPaths.LogKey(path) is not null, () => PromoteAsync(registry, "FraudDetection@1", "Production"));
        var gc = await Registry.OpenAsync(hooked);
        gc.Clock = ShiftedClock.DaysAhead(2);
        var report = await gc.CollectGarbageAsync(new GcRequest { Apply = true });

        Assert.Equal([1, 2], Purged(PlanOf(report, "FraudDetection")));
        var fresh = await Registry.OpenAsync(storage);
        Assert.Equal([2], Assert.Single(await fresh.HistoryAsync("FraudDetection"), e => e.Operation == Operation.Purge).Versions);
        await AssertPullsAsync(storage, "FraudDetection@Production", "FraudDetection weights 1");
        Assert.True((await fresh.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_purged_version_is_not_copied_from_and_copying_into_a_registry_that_purged_it_restores_it()
    {
        var source = await CreateStorageAsync();
        var destination = await CreateStorageAsync();
        var sourceRegistry = await WithVersionsAsync(source, "FraudDetection", 2);
        var destinationRegistry = await Registry.OpenAsync(destination);
        await sourceRegistry.CopyVersionAsync("FraudDetection@1", destinationRegistry);
        await sourceRegistry.CopyVersionAsync("FraudDetection@2", destinationRegistry);
        await SetRetentionAsync(destinationRegistry, new RetentionPolicy { KeepLast = 1 });
        await GcAsync(destination, apply: true);

        var copied = await sourceRegistry.CopyVersionAsync("FraudDetection@1", await Registry.OpenAsync(destination));

        Assert.Null(copied.Destination.PurgedBy);
        Assert.Equal(Operation.Restore, (await (await Registry.OpenAsync(destination)).HistoryAsync("FraudDetection"))[^1].Operation);
        await AssertPullsAsync(destination, "FraudDetection@1", "FraudDetection weights 1");

        await SetRetentionAsync(sourceRegistry, new RetentionPolicy { KeepLast = 1 });
        await GcAsync(source, apply: true);
        var refused = await Assert.ThrowsAsync<RegistryException>(async () =>
            await (await Registry.OpenAsync(source)).CopyVersionAsync("FraudDetection@1", await Registry.OpenAsync(await CreateStorageAsync())));
        Assert.Equal("MRB1230", refused.Code);
    }

    [Fact]
    public async Task Retention_changes_race_and_none_is_lost()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        await registry.EnsureCreatedAsync();

        await StartTogetherAsync(8, async i =>
            await (await Registry.OpenAsync(storage)).SetRetentionAsync(new RetentionChange { Model = $"Model{i}", Policy = new RetentionPolicy { KeepLast = i + 1 } }));

        var current = await registry.ReadRetentionAsync();
        Assert.Equal(8, current!.Revision);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(i + 1, current.For($"model{i}")!.KeepLast);
        }

        var refused = await Assert.ThrowsAsync<RegistryException>(() => SetRetentionAsync(registry, new RetentionPolicy { KeepLast = 0 }));
        Assert.Equal("MRB1231", refused.Code);
        Assert.Equal(8, (await registry.ReadRetentionAsync())!.Revision);
    }
}
