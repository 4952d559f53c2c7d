using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Protocol;

/// <summary>ARCHITECTURE.md rule 5: an ambiguous write is settled by reading back, never by a blind retry.</summary>
public class AmbiguousOutcomeTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Opens the harness registry through storage that injects <paramref name="fault"/> once into the first
    /// write whose operation and path match.</summary>
    private Task<Registry> OpenWithFaultOnceAsync(string operation, string pathPart, Fault fault)
    {
        var pending = 1;
        var storage = new FaultyStorage(new FolderStorage(harness.Root), (op, path) =>
            op == operation && path.Contains(pathPart, StringComparison.Ordinal) && Interlocked.Exchange(ref pending, 0) == 1 ? fault : Fault.None);
        return Registry.OpenAsync(storage);
    }

    [Fact]
    public async Task A_commit_that_landed_before_its_answer_was_lost_counts_once()
    {
        var registry = await OpenWithFaultOnceAsync("create", "/log/", Fault.UnknownAfterApplying);

        var result = await harness.RegisterAsync(registry, "FraudDetection", "w");

        Assert.Equal(1, result.Version!.Version);
        var fresh = await harness.OpenAsync();
        Assert.Single(await fresh.HistoryAsync("FraudDetection"));
        Assert.True((await fresh.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_commit_whose_fate_cannot_be_read_back_is_reported_as_unknown_not_retried()
    {
        var registry = await OpenWithFaultOnceAsync("create", "/log/", Fault.UnknownBeforeApplying);

        var error = await Assert.ThrowsAsync<RegistryException>(() => harness.RegisterAsync(registry, "FraudDetection", "w"));

        Assert.Equal("MRB1102", error.Code);
        Assert.False(File.Exists(harness.StoredPath(RegistryPaths.Log("frauddetection", 1))));
        Assert.True((await (await harness.OpenAsync()).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_promotion_that_landed_before_its_answer_was_lost_counts_once()
    {
        var plain = await harness.OpenAsync();
        await harness.RegisterAsync(plain, "FraudDetection", "w");
        var registry = await OpenWithFaultOnceAsync("create", "/log/", Fault.UnknownAfterApplying);

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");

        Assert.Equal(2, result.Entry!.Revision);
        Assert.Equal(2, (await (await harness.OpenAsync()).HistoryAsync("FraudDetection")).Count);
    }

    [Theory]
    [InlineData("upload", "blobs/")]
    [InlineData("create", "/records/")]
    [InlineData("create", "index/models/")]
    public async Task An_immutable_write_that_landed_before_its_answer_was_lost_is_confirmed_by_reading_it(string operation, string path)
    {
        var registry = await OpenWithFaultOnceAsync(operation, path, Fault.UnknownAfterApplying);

        var result = await harness.RegisterAsync(registry, "FraudDetection", "w");

        Assert.Equal(1, result.Version!.Version);
        Assert.True((await (await harness.OpenAsync()).VerifyAsync()).Clean);
    }

    [Theory]
    [InlineData("upload", "blobs/")]
    [InlineData("create", "/records/")]
    public async Task An_immutable_write_that_never_landed_stops_the_registration_before_its_commit(string operation, string path)
    {
        var registry = await OpenWithFaultOnceAsync(operation, path, Fault.UnknownBeforeApplying);

        var error = await Assert.ThrowsAsync<RegistryException>(() => harness.RegisterAsync(registry, "FraudDetection", "w"));

        Assert.Equal("MRB1102", error.Code);
        Assert.False(File.Exists(harness.StoredPath(RegistryPaths.Log("frauddetection", 1))));
    }

    [Theory]
    [InlineData("/recipes/")]
    [InlineData("/versions/")]
    public async Task A_lost_index_write_never_lets_the_same_recipe_register_twice(string index)
    {
        var registry = await OpenWithFaultOnceAsync("create", index, Fault.UnknownBeforeApplying);
        var artifact = harness.Artifact("model.bin", "weights");
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });

        var again = await (await harness.OpenAsync()).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });

        Assert.False(again.Created);
        Assert.Equal(1, again.Version!.Version);
    }

    [Fact]
    public async Task A_lost_label_index_write_never_lets_a_label_be_taken_twice()
    {
        var registry = await OpenWithFaultOnceAsync("create", "/labels/", Fault.UnknownBeforeApplying);
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Label = "1.0.0" });
        var fresh = await harness.OpenAsync();

        await Refusal.ExpectAsync("MRB1006", harness.Root, () => harness.RegisterAsync(fresh, "FraudDetection", "w2", r => r with { Label = "1.0.0" }));
        Assert.Equal(1, (await fresh.ResolveAsync("FraudDetection@1.0.0")).Version);
    }

    [Fact]
    public async Task A_lost_snapshot_write_is_harmless()
    {
        var registry = await OpenWithFaultOnceAsync("create", "state.json", Fault.UnknownBeforeApplying);
        await harness.RegisterAsync(registry, "FraudDetection", "w1");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Staging");

        var fresh = await harness.OpenAsync();

        Assert.Equal(1, (await fresh.ResolveAsync("FraudDetection@Staging")).Version);
        Assert.True((await fresh.VerifyAsync()).Clean);
    }

    [Theory]
    [InlineData("create", "/versions/")]
    [InlineData("create", "/recipes/")]
    [InlineData("replace", "state.json")]
    public async Task A_cache_write_failing_after_the_commit_does_not_report_a_committed_registration_as_failed(string operation, string path)
    {
        var registry = await OpenWithFaultOnceAsync(operation, path, Fault.Fail);

        var result = await harness.RegisterAsync(registry, "FraudDetection", "w");

        Assert.True(result.Created);
        Assert.Equal(1, result.Version!.Version);
        var fresh = await harness.OpenAsync();
        Assert.Equal(2, (await harness.RegisterAsync(fresh, "FraudDetection", "w2")).Version!.Version);
        Assert.True((await fresh.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_snapshot_write_failing_after_a_promotion_does_not_report_it_as_failed()
    {
        await harness.RegisterAsync(await harness.OpenAsync(), "FraudDetection", "w");
        var registry = await OpenWithFaultOnceAsync("replace", "state.json", Fault.Fail);

        var result = await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");

        Assert.True(result.Changed);
        Assert.Equal(1, (await (await harness.OpenAsync()).ResolveAsync("FraudDetection@Production")).Version);
    }
}
