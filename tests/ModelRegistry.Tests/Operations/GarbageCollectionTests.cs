using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class GarbageCollectionTests : IDisposable
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);

    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>A registration interrupted after its upload and record, before its commit: the orphans gc is for.</summary>
    private async Task<IReadOnlyList<string>> InterruptedRegistrationAsync(string content)
    {
        var storage = new FaultyStorage(new FolderStorage(harness.Root), (_, path) => path.Contains("/log/", StringComparison.Ordinal) ? Fault.Fail : Fault.None);
        var registry = await Registry.OpenAsync(storage);
        var before = FolderListing.Files(harness.Root);
        await Assert.ThrowsAsync<IOException>(() => harness.RegisterAsync(registry, "FraudDetection", content));
        return [.. FolderListing.Files(harness.Root).Except(before)];
    }

    private async Task<Registry> WithNamedVersionAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "named weights");
        return registry;
    }

    private void AgeEverything(TimeSpan by)
    {
        foreach (var file in Directory.EnumerateFiles(harness.Root, "*", SearchOption.AllDirectories))
        {
            StoredObjects.Age(file, by);
        }
    }

    [Fact]
    public async Task An_interrupted_registration_leaves_orphans_and_verify_stays_clean()
    {
        await WithNamedVersionAsync();

        var added = await InterruptedRegistrationAsync("orphan weights");

        Assert.Contains(added, p => p.StartsWith(RegistryPaths.Blobs, StringComparison.Ordinal));
        Assert.Contains(added, p => p.Contains("/records/", StringComparison.Ordinal));
        var fresh = await harness.OpenAsync();
        Assert.True((await fresh.VerifyAsync()).Clean);
        Assert.Single(await fresh.ListVersionsAsync("FraudDetection"));
    }

    [Fact]
    public async Task Dry_run_lists_unnamed_files_older_than_the_grace_period_and_deletes_nothing()
    {
        await WithNamedVersionAsync();
        var orphans = await InterruptedRegistrationAsync("orphan weights");
        AgeEverything(TwoDays);
        var before = harness.Listing();

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(
            orphans.Where(p => p.StartsWith(RegistryPaths.Blobs, StringComparison.Ordinal) || p.Contains("/records/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            report.Unnamed.Select(u => u.Path).Order(StringComparer.Ordinal));
        Assert.Equal(report.Unnamed.Sum(u => u.Size), report.Bytes);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Collection_deletes_the_orphans_and_never_a_named_file()
    {
        await WithNamedVersionAsync();
        await InterruptedRegistrationAsync("orphan weights");
        AgeEverything(TwoDays);

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.False(report.DryRun);
        Assert.All(report.Unnamed, u => Assert.False(File.Exists(harness.StoredPath(u.Path))));
        var fresh = await harness.OpenAsync();
        Assert.True((await fresh.VerifyAsync()).Clean);
        Assert.Single(FolderListing.Files(harness.StoredPath(RegistryPaths.Blobs)));
        await fresh.PullAsync("FraudDetection@1", harness.Temp.Combine("out"));
        Assert.Equal("named weights", File.ReadAllText(harness.Temp.Combine("out", "model.bin")));
    }

    [Fact]
    public async Task Orphans_younger_than_the_grace_period_are_kept_for_registrations_in_flight()
    {
        await WithNamedVersionAsync();
        await InterruptedRegistrationAsync("orphan weights");
        var before = harness.Listing();

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.Empty(report.Unnamed);
        Assert.Equal(2, report.Kept);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task With_the_shortest_grace_and_everything_aged_named_files_still_stay()
    {
        var registry = await WithNamedVersionAsync();
        await harness.RegisterAsync(registry, "Churn", "churn weights");
        await RegistryHarness.PromoteAsync(registry, "Churn@1", "Production");
        AgeEverything(TwoDays);
        var before = harness.Listing();

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.MinimumGrace, dryRun: false);

        Assert.Empty(report.Unnamed);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Temporary_files_of_killed_writers_are_collected_after_the_grace_period()
    {
        await WithNamedVersionAsync();
        var leftover = harness.Temp.WriteFile("registry/.tmp/0123456789abcdef", "half written");
        StoredObjects.Age(leftover, TwoDays);

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.Equal([".tmp/0123456789abcdef"], report.Unnamed.Select(u => u.Path));
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task A_file_named_by_one_model_is_kept_even_when_another_model_orphaned_the_same_bytes()
    {
        await WithNamedVersionAsync();
        var storage = new FaultyStorage(new FolderStorage(harness.Root), (_, path) => path.Contains("/log/", StringComparison.Ordinal) ? Fault.Fail : Fault.None);
        var interrupted = await Registry.OpenAsync(storage);
        await Assert.ThrowsAsync<IOException>(() => harness.RegisterAsync(interrupted, "Churn", "named weights"));
        AgeEverything(TwoDays);

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.All(report.Unnamed, u => Assert.DoesNotContain(RegistryPaths.Blobs, u.Path, StringComparison.Ordinal));
        Assert.True((await (await harness.OpenAsync()).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_file_a_killed_gc_had_moved_out_of_its_name_is_put_back_by_the_next_gc()
    {
        var registry = await WithNamedVersionAsync();
        var file = (await registry.ResolveAsync("FraudDetection@1")).Files.Single();
        var blob = harness.StoredPath(RegistryPaths.Blob(file.Digest));

        // What a gc killed between moving the file out of its name and comparing it leaves behind.
        var leftover = harness.StoredPath($".tmp/gc-{Guid.NewGuid():N}~{RegistryPaths.Blob(file.Digest).Replace('/', '~')}");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.Move(blob, leftover);
        var foreign = harness.StoredPath(".tmp/gc-unrelated~notes~x");
        File.WriteAllText(foreign, "not a registry path");
        Assert.False((await (await harness.OpenAsync()).VerifyAsync()).Clean);

        var report = await (await harness.OpenAsync()).CollectGarbageAsync(Registry.DefaultGrace, dryRun: false);

        Assert.True(File.Exists(blob));
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(foreign));
        Assert.DoesNotContain(report.Unnamed, u => u.Path.Contains(file.Digest[7..], StringComparison.Ordinal));
        Assert.True((await (await harness.OpenAsync()).VerifyAsync()).Clean);
        await (await harness.OpenAsync()).PullAsync("FraudDetection@1", harness.Temp.Combine("out"));
        Assert.Equal("named weights", File.ReadAllText(harness.Temp.Combine("out", "model.bin")));
    }
}
