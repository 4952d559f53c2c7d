using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Conformance;

/// <summary>Garbage collection, the registry's one destructive path: it never removes what a revision names, whatever
/// the model is called, whatever lies beside the registry, whatever races it.</summary>
public abstract partial class StorageConformanceTests
{
    private static readonly TimeSpan LongAgo = TimeSpan.FromDays(2);

    private static async Task<Registry> AgedAsync(IRegistryStorage storage)
    {
        var registry = await Registry.OpenAsync(storage);
        registry.Clock = new ShiftedClock(LongAgo);
        return registry;
    }

    private async Task RegisterInterruptedAsync(IRegistryStorage storage, string model, string content)
    {
        var interrupted = new FaultyStorage(storage, (_, path) => path.Contains("/log/", StringComparison.Ordinal) ? Fault.Fail : Fault.None);
        await Assert.ThrowsAsync<IOException>(() => Registry.OpenAsync(interrupted).Result.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [Artifact(content)] }));
    }

    private async Task AssertPullsAsync(IRegistryStorage storage, string reference, string content)
    {
        var output = Work.Combine("pulled", Guid.NewGuid().ToString("N"));
        await (await Registry.OpenAsync(storage)).PullAsync(reference, output);
        Assert.Equal(content, File.ReadAllText(Path.Combine(output, "model.bin")));
    }

    [Fact]
    public async Task A_model_named_records_in_Production_keeps_every_file_through_gc()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        await registry.RegisterAsync(new RegistrationRequest { Model = "records", Artifacts = [Artifact("records weights")] });
        await PromoteAsync(registry, "records@1", "Production");
        var before = await storage.ListAsync("").Select(o => o.Path).Where(p => !p.StartsWith(".tmp/", StringComparison.Ordinal)).ToListAsync();

        var report = await (await AgedAsync(storage)).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.Empty(report.Unnamed);
        Assert.Equal(before, await storage.ListAsync("").Select(o => o.Path).Where(p => !p.StartsWith(".tmp/", StringComparison.Ordinal)).ToListAsync());
        Assert.Equal(1, (await (await Registry.OpenAsync(storage)).ResolveAsync("records@Production")).Version);
        await AssertPullsAsync(storage, "records@Production", "records weights");
        Assert.True((await (await Registry.OpenAsync(storage)).VerifyAsync()).Clean);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Gc_deletes_nothing_while_a_log_has_a_gap(long lost)
    {
        // arrange: Production is version 2; one entry of the log is lost from storage (a lifecycle rule, a bad restore)
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        await registry.RegisterAsync(new RegistrationRequest { Model = "Gapped", Artifacts = [Artifact("one")] });
        await registry.RegisterAsync(new RegistrationRequest { Model = "Gapped", Artifacts = [Artifact("two")] });
        await PromoteAsync(registry, "Gapped@2", "Production");
        await storage.DeleteIfUnchangedAsync((await storage.GetInfoAsync(RegistryPaths.Log("gapped", lost)))!);
        var before = await storage.ListAsync("").Select(o => o.Path).Where(p => !p.StartsWith(".tmp/", StringComparison.Ordinal)).ToListAsync();

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await AgedAsync(storage)).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false));

        // assert: refused, naming the lost entry, and every file is still there
        Assert.Equal("MRB1103", error.Code);
        Assert.Contains(RegistryPaths.Log("gapped", lost), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await storage.ListAsync("").Select(o => o.Path).Where(p => !p.StartsWith(".tmp/", StringComparison.Ordinal)).ToListAsync());
    }

    [Fact]
    public async Task A_commit_never_fills_a_gap_in_a_log()
    {
        // arrange: revision 2 of three is lost, and with it the snapshot that covered it, so readers stop at revision 1
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        foreach (var content in new[] { "one", "two", "three" })
        {
            await registry.RegisterAsync(new RegistrationRequest { Model = "Gapped", Artifacts = [Artifact(content)] });
        }

        await storage.DeleteIfUnchangedAsync((await storage.GetInfoAsync(RegistryPaths.Log("gapped", 2)))!);
        await storage.DeleteIfUnchangedAsync((await storage.GetInfoAsync(RegistryPaths.State("gapped")))!);
        var third = await storage.ReadAsync(RegistryPaths.Log("gapped", 3));

        // act: a writer that sees only revision 1 would commit revision 2 decided without revision 3
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "Gapped", Artifacts = [Artifact("four")] }));

        // assert
        Assert.Equal("MRB1103", error.Code);
        Assert.Contains(RegistryPaths.Log("gapped", 2), error.Message, StringComparison.Ordinal);
        Assert.Null(await storage.GetInfoAsync(RegistryPaths.Log("gapped", 2)));
        Assert.Equal(third!.Content.ToArray(), (await storage.ReadAsync(RegistryPaths.Log("gapped", 3)))!.Content.ToArray());
        Assert.Null(await storage.GetInfoAsync(RegistryPaths.Log("gapped", 4)));
    }

    [Fact]
    public async Task Gc_leaves_alone_whatever_is_not_the_registry_s_own_layout_even_when_it_looks_like_it()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("weights")] });
        var hex = new string('a', 64);
        string[] foreign =
        [
            $"team-b/models/fraud/records/{hex}.json",
            $"team-b/blobs/sha256/aa/{hex}",
            $"models/fraud/records/{hex}.json.bak",
            $"models/fraud/records/notes/{hex}.json",
            $"blobs/sha256/ab/{hex}",
            "notes/.tmp/x",
        ];
        foreach (var path in foreign)
        {
            await storage.CreateAsync(path, Bytes("someone else's"));
        }

        var report = await (await AgedAsync(storage)).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.Empty(report.Unnamed);
        foreach (var path in foreign)
        {
            Assert.NotNull(await storage.GetInfoAsync(path));
        }
    }

    [Fact]
    public async Task A_registry_is_never_created_inside_another_nor_opened_around_one()
    {
        var storage = await CreateStorageAsync();
        await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "Outer", Artifacts = [Artifact("outer")] });
        var inner = Inside(storage, "team-a");

        var nested = await Assert.ThrowsAsync<RegistryException>(async () =>
            await (await Registry.OpenAsync(inner)).RegisterAsync(new RegistrationRequest { Model = "Inner", Artifacts = [Artifact("inner")] }));

        Assert.Equal("MRB1060", nested.Code);
        Assert.Contains(storage.DisplayLocation, nested.Message, StringComparison.Ordinal);
        Assert.Empty(await inner.ListAsync("").ToListAsync());

        var separate = await CreateStorageAsync();
        var deeper = Inside(separate, "team-c");
        await (await Registry.OpenAsync(deeper)).RegisterAsync(new RegistrationRequest { Model = "Deep", Artifacts = [Artifact("deep")] });
        var around = await Assert.ThrowsAsync<RegistryException>(() => Registry.OpenAsync(separate));
        Assert.Equal("MRB1061", around.Code);
        Assert.Contains("team-c", around.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gc_keeps_index_entries_and_finds_models_by_their_logs()
    {
        var storage = await CreateStorageAsync();
        await RegisterInterruptedAsync(storage, "Churn", "first try");

        // An interrupted first registration left an index entry; gc leaves it, since a registration may reuse it any time.
        await (await AgedAsync(storage)).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);
        Assert.NotNull(await storage.GetInfoAsync(RegistryPaths.ModelEntry("churn")));
        var registry = await Registry.OpenAsync(storage);
        await registry.RegisterAsync(new RegistrationRequest { Model = "Churn", Artifacts = [Artifact("second try")] });
        await PromoteAsync(registry, "Churn@1", "Production");

        // Even with its index entry gone the model's data stays, and verify says what is wrong.
        var entry = (await storage.GetInfoAsync(RegistryPaths.ModelEntry("churn")))!;
        Assert.True(await storage.DeleteIfUnchangedAsync(entry));
        var report = await (await AgedAsync(storage)).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.DoesNotContain(report.Unnamed, u => u.Path.StartsWith(RegistryPaths.Blobs, StringComparison.Ordinal) || u.Path.StartsWith("models/churn/", StringComparison.Ordinal) && !u.Path.Contains("/records/", StringComparison.Ordinal));
        await AssertPullsAsync(storage, "Churn@Production", "second try");
        var verify = await (await Registry.OpenAsync(storage)).VerifyAsync();
        Assert.Equal(1, verify.Models);
        Assert.Contains(verify.Problems, p => p.Path == RegistryPaths.ModelEntry("churn"));
    }

    [Fact]
    public async Task A_file_reused_by_a_registration_while_gc_runs_survives_gc()
    {
        var storage = await CreateStorageAsync();
        await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("v1")] });
        var reused = Artifact("left behind, then reused");
        await RegisterInterruptedAsync(storage, "FraudDetection", "left behind, then reused");

        // gc has decided: the orphan is old and unnamed. Before its first deletion, a registration reuses the orphan's
        // bytes and commits.
        RegistrationResult? registered = null;
        var racing = new HookedStorage(storage);
        racing.BeforeFirstDelete(async () =>
        {
            await Task.Delay(1100); // past Azure's one-second Last-Modified resolution
            registered = await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [reused] });
        });
        var gc = await Registry.OpenAsync(racing);
        gc.Clock = new ShiftedClock(LongAgo);
        await gc.CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.True(registered!.Created);
        Assert.Equal(0, registered.BytesUploaded);
        await AssertPullsAsync(storage, $"FraudDetection@{registered.Version!.Version}", "left behind, then reused");
        Assert.True((await (await Registry.OpenAsync(storage)).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_file_reused_by_a_copy_while_gc_runs_survives_gc()
    {
        var source = await CreateStorageAsync();
        await (await Registry.OpenAsync(source)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("copied weights")] });
        var destination = await CreateStorageAsync();
        await (await Registry.OpenAsync(destination)).RegisterAsync(new RegistrationRequest { Model = "Other", Artifacts = [Artifact("other")] });
        await RegisterInterruptedAsync(destination, "Churn", "copied weights");

        CopyResult? copied = null;
        var racing = new HookedStorage(destination);
        racing.BeforeFirstDelete(async () =>
        {
            await Task.Delay(1100);
            copied = await (await Registry.OpenAsync(source)).CopyVersionAsync("FraudDetection@1", await Registry.OpenAsync(destination));
        });
        var gc = await Registry.OpenAsync(racing);
        gc.Clock = new ShiftedClock(LongAgo);
        await gc.CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.True(copied!.Created);
        await AssertPullsAsync(destination, "FraudDetection@1", "copied weights");
        Assert.True((await (await Registry.OpenAsync(destination)).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_record_left_by_an_interrupted_copy_and_copied_again_while_gc_runs_survives_gc()
    {
        var source = await CreateStorageAsync();
        await (await Registry.OpenAsync(source)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("copied weights")] });
        var destination = await CreateStorageAsync();
        await (await Registry.OpenAsync(destination)).RegisterAsync(new RegistrationRequest { Model = "Other", Artifacts = [Artifact("other")] });

        // The first copy wrote the record (its bytes are the source's, so the same name every time) and died before
        // its commit: an old orphan record that gc takes, unless the copy that names it refreshes it first.
        var interrupted = new FaultyStorage(destination, (_, path) => path.Contains("/log/", StringComparison.Ordinal) ? Fault.Fail : Fault.None);
        await Assert.ThrowsAsync<IOException>(async () => await (await Registry.OpenAsync(source)).CopyVersionAsync("FraudDetection@1", await Registry.OpenAsync(interrupted)));

        CopyResult? copied = null;
        var racing = new HookedStorage(destination);
        racing.BeforeFirstDelete(async () =>
        {
            await Task.Delay(1100);
            copied = await (await Registry.OpenAsync(source)).CopyVersionAsync("FraudDetection@1", await Registry.OpenAsync(destination));
        });
        var gc = await Registry.OpenAsync(racing);
        gc.Clock = new ShiftedClock(LongAgo);
        await gc.CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.True(copied!.Created);
        await AssertPullsAsync(destination, "FraudDetection@1", "copied weights");
        Assert.True((await (await Registry.OpenAsync(destination)).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_grace_period_below_the_minimum_is_refused_before_anything_is_read()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);

        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.CollectGarbageAsync(TimeSpan.Zero, dryRun: false));

        Assert.Equal("MRB1220", error.Code);
        Assert.Equal(ErrorKind.Usage, error.Kind);
    }
}
