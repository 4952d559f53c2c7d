using ModelRegistry.Manifest;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>Readers trust the caches (the state snapshot and the index files), so a cache that lies is damage verify
/// must report, and its advice must repair it.</summary>
public sealed class VerifyCacheTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task WithContentAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "fraud weights 1", r => r with { Label = "1.0.0" });
        await harness.RegisterAsync(registry, "FraudDetection", "fraud weights 2");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
    }

    private void Edit(string relative, string from, string to)
    {
        var path = harness.StoredPath(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_edited_to_name_another_production_version_is_reported()
    {
        await WithContentAsync();
        Edit(RegistryPaths.State("frauddetection"), "\"Production\":2", "\"Production\":1");

        var report = await (await harness.OpenAsync()).VerifyAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(RegistryPaths.State("frauddetection"), problem.Path);
        Assert.Contains("stage Production holds version 1 where the log says version 2", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_ahead_of_the_log_is_reported()
    {
        await WithContentAsync();
        Edit(RegistryPaths.State("frauddetection"), "\"revision\":4", "\"revision\":9");

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Contains("the log ends at revision 4", Assert.Single(report.Problems).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_index_pointing_at_another_record_is_reported_and_the_advice_repairs_it()
    {
        await WithContentAsync();
        var registry = await harness.OpenAsync();
        var first = await registry.ResolveAsync("FraudDetection@1");
        var second = await registry.ResolveAsync("FraudDetection@2");
        Edit(RegistryPaths.VersionIndex("frauddetection", 1), first.Digest, second.Digest);

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Equal(RegistryPaths.VersionIndex("frauddetection", 1), Assert.Single(report.Problems).Path);

        // The advice: delete the index file and the snapshot; the next commit writes both again.
        File.Delete(harness.StoredPath(RegistryPaths.VersionIndex("frauddetection", 1)));
        File.Delete(harness.StoredPath(RegistryPaths.State("frauddetection")));
        await (await harness.OpenAsync()).SetAliasAsync("FraudDetection@1", "champion", null, null);
        var repaired = await harness.OpenAsync();
        Assert.True((await repaired.VerifyAsync()).Clean);
        Assert.Equal(first.Digest, (await repaired.ResolveAsync("FraudDetection@1")).Digest);
    }

    [Fact]
    public async Task A_missing_recipe_index_below_the_snapshot_is_reported_before_it_lets_a_recipe_register_twice()
    {
        await WithContentAsync();
        var registry = await harness.OpenAsync();
        var first = await registry.ResolveAsync("FraudDetection@1");
        File.Delete(harness.StoredPath(RegistryPaths.RecipeIndex("frauddetection", first.RecipeDigest)));

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Equal(RegistryPaths.RecipeIndex("frauddetection", first.RecipeDigest), Assert.Single(report.Problems).Path);
    }

    [Fact]
    public async Task A_damaged_model_index_entry_is_reported_and_the_model_is_still_checked()
    {
        await WithContentAsync();
        File.WriteAllText(harness.StoredPath(RegistryPaths.ModelEntry("frauddetection")), "g");
        File.WriteAllText(harness.StoredPath(RegistryPaths.Log("frauddetection", 4)), "garbage");

        var report = await (await harness.OpenAsync()).VerifyAsync();

        Assert.Equal(
            [RegistryPaths.ModelEntry("frauddetection"), RegistryPaths.Log("frauddetection", 4)],
            report.Problems.Select(p => p.Path));
        Assert.Equal(3, report.Revisions);
    }
}
