using ModelRegistry.Manifest;
using ModelRegistry.Retention;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>gc reads a long log through summaries of 1,000 revisions it writes as it goes: the next plan reads one
/// object per range instead of a thousand, and a summary that does not read back whole is read around.</summary>
public sealed class LogSummaryTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static async Task<GcReport> PlanAsync(IRegistryStorage storage)
    {
        var registry = await Registry.OpenAsync(storage);
        registry.Clock = ShiftedClock.DaysAhead(2);
        return await registry.CollectGarbageAsync(new GcRequest());
    }

    [Fact]
    public async Task A_second_plan_reads_the_summary_instead_of_the_log_and_decides_the_same()
    {
        var registry = await harness.OpenAsync();
        for (var i = 1; i <= 3; i++)
        {
            await harness.RegisterAsync(registry, "FraudDetection", $"weights {i}");
        }

        // An alias moved back and forth: 1,003 revisions in all, so the first range of 1,000 is complete.
        for (var move = 0; move < 1000; move++)
        {
            await registry.SetAliasAsync($"FraudDetection@{3 - (move % 2)}", "champion", null, "tester");
        }

        await registry.SetRetentionAsync(new RetentionChange { Policy = new RetentionPolicy { KeepLast = 1 } });
        var summary = harness.StoredPath(RegistryPaths.LogSummary("frauddetection", 1));

        var cold = new HookedStorage(new FolderStorage(harness.Root));
        var first = await PlanAsync(cold);

        Assert.True(File.Exists(summary));
        var warm = new HookedStorage(new FolderStorage(harness.Root));
        var second = await PlanAsync(warm);

        Assert.True(cold.Reads > 1000, $"the first plan read {cold.Reads} objects");
        Assert.True(warm.Reads < 20, $"the second plan read {warm.Reads} objects");
        Assert.Equal([1], first.Models.Single().Purge.Select(p => p.Version));
        Assert.Equal(first.Models.Single().Purge, second.Models.Single().Purge);
        Assert.Equal(first.Models.Single().Kept, second.Models.Single().Kept, (a, b) => a.Version == b.Version && a.Rules.SequenceEqual(b.Rules));

        // gc deletes what a summary does not name, so a damaged one (a digest changed in place, or one cut short) is
        // never trusted: the plan reads the log instead, and stays the same.
        var whole = File.ReadAllText(summary);
        var digest = first.Models.Single().Purge.Count == 1 ? System.Text.RegularExpressions.Regex.Match(whole, "[0-9a-f]{64}").Value : "";
        foreach (var damage in new[] { whole.Replace(digest, new string('0', 64), StringComparison.Ordinal), "{\"first\": 1, \"entries\": [], \"files\": {}}" })
        {
            File.WriteAllText(summary, damage);
            var reading = new HookedStorage(new FolderStorage(harness.Root));
            var damaged = await PlanAsync(reading);
            Assert.True(reading.Reads > 1000, $"a damaged summary was trusted: the plan read {reading.Reads} objects");
            Assert.Equal(first.Models.Single().Purge, damaged.Models.Single().Purge);
            Assert.Equal(first.Models.Single().Kept.Select(k => k.Version), damaged.Models.Single().Kept.Select(k => k.Version));
        }

        var gc = await harness.OpenAsync();
        gc.Clock = ShiftedClock.DaysAhead(2);
        var applied = await gc.CollectGarbageAsync(new GcRequest { Apply = true });
        Assert.Equal(1003 + 1, applied.Models.Single().PurgeRevision);
        Assert.True((await (await harness.OpenAsync()).VerifyAsync()).Clean);
    }
}
