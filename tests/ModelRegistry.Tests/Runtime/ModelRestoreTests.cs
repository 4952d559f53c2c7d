using ModelRegistry.Runtime;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Runtime;

/// <summary>A project's references, its lock file and the cache brought into agreement in one pass, against a real
/// folder registry: what <c>model-registry restore</c>, the MSBuild package and the Cake addin run.</summary>
public sealed class ModelRestoreTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string LockPath => harness.Temp.Combine("project", "models.lock.json");

    private RestoreOptions Options(bool refresh = false, bool locked = false)
    {
        Directory.CreateDirectory(harness.Temp.Combine("project"));
        return new RestoreOptions(LockPath, refresh, locked);
    }

    private static ReferenceRequest[] Requests(params string[] references) => [.. references.Select(ReferenceRequest.Parse)];

    private async Task<Registry> TwoModelsAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v2");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await harness.RegisterVersionAsync(registry, "Churn", "churn v1");
        return registry;
    }

    [Fact]
    public async Task A_cold_restore_resolves_pulls_and_pins_every_reference_and_a_second_one_reads_nothing_but_the_lock()
    {
        // arrange
        await TwoModelsAsync();
        var storage = new ObservedStorage(new FolderStorage(harness.Root));
        var client = ModelRegistryClient.Create(await Registry.OpenAsync(storage), harness.Temp.Combine("cache"));

        // act
        var first = await client.RestoreAsync(Requests("FraudDetection@Production", "Churn"), Options());
        storage.Unreachable = true;
        var second = await client.RestoreAsync(Requests("FraudDetection@Production", "Churn"), Options());

        // assert
        Assert.True(first.Succeeded);
        Assert.True(first.LockWritten);
        Assert.All(first.Models, m => Assert.Equal((RestoreChange.Resolved, true), (m.Change, m.Pulled)));
        Assert.Equal("fraud v1", File.ReadAllText(Path.Combine(first.Models[0].Path, "model.bin")));
        var locked = ModelLockFile.Read(LockPath)!;
        Assert.Equal([("Churn", "latest", 1), ("FraudDetection", "Production", 1)], locked.Models.Select(m => (m.Model, m.Requested, m.Version)));
        Assert.True(second.Succeeded);
        Assert.False(second.LockWritten);
        Assert.All(second.Models, m => Assert.Equal((RestoreChange.Pinned, false), (m.Change, m.Pulled)));
    }

    [Fact]
    public async Task A_refresh_moves_a_pin_to_where_the_stage_is_now_and_says_from_where()
    {
        // arrange
        var registry = await TwoModelsAsync();
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cache"));
        await client.RestoreAsync(Requests("FraudDetection@Production"), Options());
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");

        // act
        var kept = await client.RestoreAsync(Requests("FraudDetection@Production"), Options());
        var refreshed = await client.RestoreAsync(Requests("FraudDetection@Production"), Options(refresh: true));

        // assert
        Assert.Equal(1, Assert.Single(kept.Models).Entry.Version);
        var moved = Assert.Single(refreshed.Models);
        Assert.Equal((RestoreChange.Moved, 1, 2, true), (moved.Change, moved.PreviousVersion, moved.Entry.Version, moved.Pulled));
        Assert.True(refreshed.LockWritten);
        Assert.Equal(2, ModelLockFile.Read(LockPath)!.Find("FraudDetection")!.Version);
    }

    [Fact]
    public async Task Locked_mode_reports_every_difference_in_one_run_and_never_writes_the_lock()
    {
        // arrange: the lock pins FraudDetection@Production at 1 and a model the project no longer references
        var registry = await TwoModelsAsync();
        await harness.RegisterVersionAsync(registry, "Ranker", "ranker v1");
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cache"));
        await client.RestoreAsync(Requests("FraudDetection@Production", "Ranker"), Options());
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
        var before = File.ReadAllText(LockPath);

        // act
        var report = await client.RestoreAsync(Requests("FraudDetection@Production", "Churn"), Options(locked: true));

        // assert
        Assert.False(report.Succeeded);
        Assert.Equal(["MRB1601", "MRB1602", "MRB1603"], report.Problems.Select(p => p.Code));
        Assert.Contains("Ranker", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.False(report.LockWritten);
        Assert.Equal(before, File.ReadAllText(LockPath));
    }

    [Fact]
    public async Task Locked_mode_restores_a_cold_cache_from_the_pins_when_the_registry_agrees()
    {
        // arrange
        var registry = await TwoModelsAsync();
        await ModelRegistryClient.Create(registry, harness.Temp.Combine("first-cache")).RestoreAsync(Requests("FraudDetection@Production"), Options());
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cold-cache"));

        // act
        var report = await client.RestoreAsync(Requests("FraudDetection@Production"), Options(locked: true));

        // assert
        Assert.True(report.Succeeded, string.Join("; ", report.Problems.Select(p => p.Message)));
        var model = Assert.Single(report.Models);
        Assert.Equal((RestoreChange.Pinned, true), (model.Change, model.Pulled));
        Assert.Equal("fraud v1", File.ReadAllText(Path.Combine(model.Path, "model.bin")));
    }

    [Fact]
    public async Task A_lock_whose_file_list_was_edited_is_refused_and_nothing_enters_the_cache()
    {
        // arrange: a pull request changes the size of a pinned file in the lock
        var registry = await TwoModelsAsync();
        await ModelRegistryClient.Create(registry, harness.Temp.Combine("first-cache")).RestoreAsync(Requests("Churn"), Options());
        File.WriteAllText(LockPath, File.ReadAllText(LockPath).Replace("\"size\": 8", "\"size\": 9", StringComparison.Ordinal));
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cold-cache"));

        // act
        var report = await client.RestoreAsync(Requests("Churn"), Options());

        // assert
        var problem = Assert.Single(report.Problems);
        Assert.Equal("MRB1604", problem.Code);
        Assert.False(Directory.Exists(harness.Temp.Combine("cold-cache", "sha256")) && Directory.EnumerateDirectories(harness.Temp.Combine("cold-cache", "sha256")).Any());
    }

    [Fact]
    public async Task An_unreadable_lock_is_MRB1604_unless_a_refresh_writes_it_again()
    {
        // arrange
        var registry = await TwoModelsAsync();
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cache"));
        Directory.CreateDirectory(harness.Temp.Combine("project"));
        File.WriteAllText(LockPath, "<<<<<<< HEAD\n{");

        // act
        var refused = await Assert.ThrowsAsync<RegistryException>(() => client.RestoreAsync(Requests("Churn"), Options()));
        var refreshed = await client.RestoreAsync(Requests("Churn"), Options(refresh: true));

        // assert
        Assert.Equal("MRB1604", refused.Code);
        Assert.True(refreshed.LockWritten);
        Assert.Equal(1, ModelLockFile.Read(LockPath)!.Find("Churn")!.Version);
        var warning = Assert.Single(refreshed.Warnings);
        Assert.StartsWith("MRB1618: ", warning, StringComparison.Ordinal);
        Assert.Contains("MRB1604", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_file_that_cannot_be_written_is_MRB1617_and_the_cache_still_holds_what_was_restored()
    {
        // arrange: the lock's folder is a file, so no lock can be written there.
        var registry = await TwoModelsAsync();
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cache"));
        File.WriteAllText(harness.Temp.Combine("not-a-folder"), "");
        var options = new RestoreOptions(harness.Temp.Combine("not-a-folder", "models.lock.json"), Refresh: false, LockedMode: false);

        // act
        var report = await client.RestoreAsync(Requests("Churn"), options);

        // assert
        Assert.False(report.Succeeded);
        Assert.False(report.LockWritten);
        Assert.Equal("MRB1617", Assert.Single(report.Problems).Code);
        Assert.True(client.Cache.Holds(report.Models.Single().Digest, report.Models.Single().Files));
        Assert.Empty(Directory.GetFiles(harness.Temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_model_referenced_twice_is_MRB1605_before_anything_is_read()
    {
        var client = ModelRegistryClient.Create(await harness.OpenAsync(), harness.Temp.Combine("cache"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.RestoreAsync(Requests("Churn@1", "churn@Production"), Options()));

        Assert.Equal("MRB1605", error.Code);
        Assert.False(File.Exists(LockPath));
    }

    [Fact]
    public async Task A_reference_the_registry_cannot_answer_is_a_problem_and_the_others_are_still_restored()
    {
        // arrange
        await TwoModelsAsync();
        var client = await ModelRegistryClient.OpenAsync(harness.Root, harness.Temp.Combine("cache"));

        // act
        var report = await client.RestoreAsync(Requests("Missing@Production", "Churn"), Options());

        // assert
        Assert.Equal(["MRB1003"], report.Problems.Select(p => p.Code));
        Assert.Equal(["Churn"], report.Models.Select(m => m.Entry.Model));
        Assert.False(report.LockWritten);
        Assert.False(File.Exists(LockPath));
    }
}
