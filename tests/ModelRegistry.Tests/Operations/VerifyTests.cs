using ModelRegistry.Manifest;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class VerifyTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<Registry> WithContentAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "fraud weights 1");
        await harness.RegisterAsync(registry, "FraudDetection", "fraud weights 2");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await registry.SetAliasAsync("FraudDetection@2", "canary", null, null);
        await harness.RegisterAsync(registry, "Churn", "churn weights");
        return registry;
    }

    private string BlobPath(VersionInfo version) => harness.StoredPath(RegistryPaths.Blob(version.Files[0].Digest));

    [Fact]
    public async Task A_sound_registry_is_clean()
    {
        await WithContentAsync();

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.True(report.Clean, string.Join("; ", report.Problems));
        Assert.Equal((2, 5L, 3, 3), (report.Models, report.Revisions, report.Versions, report.Files));
    }

    [Fact]
    public async Task An_empty_registry_is_clean()
    {
        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.True(report.Clean);
        Assert.Equal(0, report.Models);
    }

    [Fact]
    public async Task A_missing_file_is_found()
    {
        var registry = await WithContentAsync();
        var version = await registry.ResolveAsync("FraudDetection@2");
        File.Delete(BlobPath(version));

        var report = await (await harness.OpenAsync()).VerifyAsync(hashFiles: false);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(RegistryPaths.Blob(version.Files[0].Digest), problem.Path);
        Assert.Contains("missing", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flipped_byte_is_found_by_hashing_and_a_truncation_even_without()
    {
        var registry = await WithContentAsync();
        var flipped = await registry.ResolveAsync("FraudDetection@1");
        var truncated = await registry.ResolveAsync("Churn@1");
        StoredObjects.FlipByte(BlobPath(flipped));
        StoredObjects.Truncate(BlobPath(truncated));

        var full = await (await harness.OpenAsync()).VerifyAsync();
        var quick = await (await harness.OpenAsync()).VerifyAsync(hashFiles: false);

        Assert.Equal(
            new[] { RegistryPaths.Blob(flipped.Files[0].Digest), RegistryPaths.Blob(truncated.Files[0].Digest) }.Order(StringComparer.Ordinal),
            full.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Equal([RegistryPaths.Blob(truncated.Files[0].Digest)], quick.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task A_corrupted_record_is_found_also_by_the_process_that_wrote_it()
    {
        var registry = await WithContentAsync();
        var version = await registry.ResolveAsync("FraudDetection@2");
        var record = harness.StoredPath(RegistryPaths.Record("frauddetection", version.Digest));
        File.WriteAllText(record, File.ReadAllText(record).Replace("FraudDetection", "FraudDetectioN", StringComparison.Ordinal));

        var fresh = await (await harness.OpenAsync()).VerifyAsync();
        var same = await registry.VerifyAsync();

        Assert.Equal(RegistryPaths.Record("frauddetection", version.Digest), Assert.Single(fresh.Problems).Path);
        Assert.Equal(RegistryPaths.Record("frauddetection", version.Digest), Assert.Single(same.Problems).Path);
    }

    [Fact]
    public async Task A_missing_record_is_found()
    {
        var registry = await WithContentAsync();
        var version = await registry.ResolveAsync("Churn@1");
        File.Delete(harness.StoredPath(RegistryPaths.Record("churn", version.Digest)));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Contains("missing", Assert.Single(report.Problems).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_entry_that_does_not_parse_is_found()
    {
        await WithContentAsync();
        File.WriteAllText(harness.StoredPath(RegistryPaths.Log("frauddetection", 3)), "{ not json");

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Equal(RegistryPaths.Log("frauddetection", 3), Assert.Single(report.Problems).Path);
    }

    [Fact]
    public async Task A_log_entry_carrying_another_revision_number_is_found()
    {
        await WithContentAsync();
        var second = harness.StoredPath(RegistryPaths.Log("frauddetection", 2));
        var text = File.ReadAllText(second);
        File.WriteAllText(second, text.Replace("\"revision\":2", "\"revision\":7", StringComparison.Ordinal));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        var problem = report.Problems[0];
        Assert.Equal(RegistryPaths.Log("frauddetection", 2), problem.Path);
        Assert.Contains("revision 7", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_entry_that_registers_an_out_of_order_version_is_found()
    {
        await WithContentAsync();
        var second = harness.StoredPath(RegistryPaths.Log("frauddetection", 2));
        File.WriteAllText(second, File.ReadAllText(second).Replace("\"version\":2", "\"version\":5", StringComparison.Ordinal));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Contains("version 5 where 2 is next", Assert.Single(report.Problems).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_revision_in_the_middle_of_the_log_is_found()
    {
        await WithContentAsync();
        File.Delete(harness.StoredPath(RegistryPaths.Log("frauddetection", 2)));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(RegistryPaths.Log("frauddetection", 2), problem.Path);
        Assert.Contains("missing", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_revision_naming_a_version_never_registered_is_found()
    {
        await WithContentAsync();
        var third = harness.StoredPath(RegistryPaths.Log("frauddetection", 3));
        File.WriteAllText(third, File.ReadAllText(third).Replace("\"version\":1", "\"version\":9", StringComparison.Ordinal));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(RegistryPaths.Log("frauddetection", 3), problem.Path);
        Assert.Contains("version 9", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_not_only_the_first()
    {
        var registry = await WithContentAsync();
        var churn = await registry.ResolveAsync("Churn@1");
        File.Delete(BlobPath(churn));
        File.WriteAllText(harness.StoredPath(RegistryPaths.Log("frauddetection", 4)), "garbage");
        StoredObjects.FlipByte(BlobPath(await registry.ResolveAsync("FraudDetection@2")));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Equal(3, report.Problems.Count);
    }

    [Fact]
    public async Task A_damaged_state_snapshot_is_only_a_cache_and_reads_still_answer()
    {
        var registry = await WithContentAsync();
        File.WriteAllText(harness.StoredPath(RegistryPaths.State("frauddetection")), "{ broken");

        var fresh = await harness.OpenAsync();
        Assert.Equal(1, (await fresh.ResolveAsync("FraudDetection@Production")).Version);
        Assert.True((await fresh.VerifyAsync()).Clean);
        await registry.SetAliasAsync("FraudDetection@1", "champion", null, null);
        Assert.Equal(1, (await (await harness.OpenAsync()).ResolveAsync("FraudDetection@champion")).Version);
    }

    [Fact]
    public async Task Missing_caches_are_rebuilt_from_the_log()
    {
        await WithContentAsync();
        Directory.Delete(harness.StoredPath("models/frauddetection/versions"), recursive: true);
        File.Delete(harness.StoredPath(RegistryPaths.State("frauddetection")));

        var fresh = await harness.OpenAsync();

        Assert.Equal(2, (await fresh.ResolveAsync("FraudDetection@2")).Version);
        Assert.Equal(2, (await fresh.ResolveAsync("FraudDetection@canary")).Version);
        Assert.Equal([1, 2], (await fresh.ListVersionsAsync("FraudDetection")).Select(v => v.Version));
    }
}
