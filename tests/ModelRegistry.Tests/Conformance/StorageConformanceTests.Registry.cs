using System.Collections.Concurrent;
using ModelRegistry.Manifest;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Conformance;

/// <summary>The engine's rules on top of the backend: concurrent writers, one Production at every instant, verified pulls.</summary>
public abstract partial class StorageConformanceTests
{
    [Fact]
    public async Task Concurrent_registrations_get_contiguous_versions_and_none_is_lost()
    {
        var storage = await CreateStorageAsync();
        var acknowledged = new ConcurrentBag<(int Version, string Digest, string Content)>();

        await StartTogetherAsync(RegistrationWriters, async writer =>
        {
            var registry = await Registry.OpenAsync(storage);
            for (var i = 0; i < RegistrationsPerWriter; i++)
            {
                var content = $"writer {writer} registration {i}";
                var result = await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact(content)], Actor = $"writer-{writer}" });
                Assert.True(result.Created);
                acknowledged.Add((result.Version!.Version, result.Version.Digest, content));
            }

            return writer;
        });

        var total = RegistrationWriters * RegistrationsPerWriter;
        var fresh = await Registry.OpenAsync(storage);
        var versions = await fresh.ListVersionsAsync("FraudDetection");
        Assert.Equal(Enumerable.Range(1, total), versions.Select(v => v.Version));
        Assert.Equal(Enumerable.Range(1, total), acknowledged.Select(a => a.Version).Order());
        foreach (var (version, digest, content) in acknowledged)
        {
            Assert.Equal(digest, versions[version - 1].Digest);
            var output = Work.Combine("pulled", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await fresh.PullAsync($"FraudDetection@{version}", output);
            Assert.Equal(content, File.ReadAllText(Path.Combine(output, "model.bin")));
        }

        var history = await fresh.HistoryAsync("FraudDetection");
        Assert.Equal(Enumerable.Range(1, total).Select(v => (long)v), history.Select(e => e.Revision));
        Assert.True((await fresh.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_recipe_make_one_version()
    {
        var storage = await CreateStorageAsync();
        var artifact = Artifact("the same weights");

        var results = await StartTogetherAsync(RegistrationWriters, async _ =>
            await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] }));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(1, r.Version!.Version));
        Assert.Single(await (await Registry.OpenAsync(storage)).ListVersionsAsync("FraudDetection"));
    }

    [Fact]
    public async Task Concurrent_promoters_never_let_a_reader_see_zero_or_two_production_versions()
    {
        var storage = await CreateStorageAsync();
        var setup = await Registry.OpenAsync(storage);
        for (var i = 1; i <= Promoters; i++)
        {
            await setup.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact($"candidate {i}")] });
        }

        await PromoteAsync(setup, "FraudDetection@1", "Production");
        using var done = new CancellationTokenSource();
        var seen = new ConcurrentBag<int>();
        var committed = 0;
        var refused = 0;

        var readers = Enumerable.Range(0, PollingReaders).Select(reader => Task.Run(async () =>
        {
            var registry = await Registry.OpenAsync(storage);
            var polls = 0;
            while (!done.IsCancellationRequested || polls < 3)
            {
                var production = await registry.ResolveAsync("FraudDetection@Production");
                seen.Add(production.Version);
                if (polls++ % 4 == reader % 4)
                {
                    var listed = await registry.ListVersionsAsync("FraudDetection");
                    Assert.Single(listed, v => v.Stage == RegistrySettings.Production);
                }
            }

            return polls;
        })).ToArray();

        try
        {
            await StartTogetherAsync(Promoters, async promoter =>
            {
                var registry = await Registry.OpenAsync(storage);
                var others = Promoters;
                for (var round = 0; round < PromotionsPerPromoter; round++)
                {
                    // Alternate between two versions so every promotion really moves the pointer.
                    var version = 1 + ((promoter + (round * 7)) % others);
                    try
                    {
                        await PromoteAsync(registry, $"FraudDetection@{version}", "Production");
                        Interlocked.Increment(ref committed);
                    }
                    catch (RegistryException e) when (e.Code == "MRB1310")
                    {
                        // An approved promotion whose displacement changed under it is refused, never re-decided.
                        Interlocked.Increment(ref refused);
                    }
                }

                return promoter;
            });
        }
        finally
        {
            await done.CancelAsync();
        }

        var polls = await Task.WhenAll(readers);
        Assert.All(polls, count => Assert.True(count >= 3));
        Assert.NotEmpty(seen);

        var history = await (await Registry.OpenAsync(storage)).HistoryAsync("FraudDetection");
        ProductionFold.AssertExactlyOneHolderAfterTheFirst(history);
        Assert.True(committed > 0);
        Assert.Equal(Promoters * PromotionsPerPromoter, committed + refused);
        Assert.True((await (await Registry.OpenAsync(storage)).VerifyAsync()).Clean);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    public async Task A_damaged_stored_file_is_detected_on_pull_and_no_file_is_left(string damage)
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        var content = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{i:x4}"));
        var version = (await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact(content)] })).Version!;
        var blob = RegistryPaths.Blob(version.Files[0].Digest);
        var bytes = Bytes(content);
        var damaged = damage == "flip" ? [.. bytes[..1000], (byte)(bytes[1000] ^ 0x20), .. bytes[1001..]] : bytes[..(bytes.Length / 3)];
        await OverwriteAsync(storage, blob, damaged);
        var output = Work.Combine("out");

        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await Registry.OpenAsync(storage)).PullAsync("FraudDetection@1", output));

        Assert.Equal("MRB1104", error.Code);
        Assert.Empty(FolderListing.Files(output));
        Assert.False((await (await Registry.OpenAsync(storage)).VerifyAsync()).Clean);
    }

    [Fact]
    public async Task A_whole_lifecycle_reads_the_same_on_this_backend()
    {
        var storage = await CreateStorageAsync();
        var registry = await Registry.OpenAsync(storage);
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("v1")], Label = "1.0.0", Metrics = RegistryHarness.Metrics(("auc", 0.91)) });
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [Artifact("v2")], Label = "1.1.0", Metrics = RegistryHarness.Metrics(("auc", 0.93)) });
        await PromoteAsync(registry, "FraudDetection@1", "Production");
        await PromoteAsync(registry, "FraudDetection@1.1.0", "Staging");
        await PromoteAsync(registry, "FraudDetection@Staging", "Production");
        await registry.SetAliasAsync("FraudDetection@1", "champion", null, null);

        var fresh = await Registry.OpenAsync(storage);
        var production = await fresh.ResolveAsync("FraudDetection@Production");
        Assert.Equal((2, "Production"), (production.Version, production.Stage));
        Assert.Equal("Archived", (await fresh.ResolveAsync("FraudDetection@champion")).Stage);
        Assert.Equal(["champion"], (await fresh.ResolveAsync("FraudDetection@1")).Aliases);
        Assert.Equal(1, (await fresh.ResolveAsync("FraudDetection@Production", AsOf.Parse("3"))).Version);
        await fresh.PullAsync("FraudDetection@Production", Work.Combine("prod"));
        Assert.Equal("v2", File.ReadAllText(Work.Combine("prod", "model.bin")));
        Assert.True((await fresh.VerifyAsync()).Clean);
        fresh.Clock = ShiftedClock.DaysAhead(365);
        Assert.Empty((await fresh.CollectGarbageAsync(Registry.MinimumGrace, dryRun: true)).Unnamed);
        Assert.Equal(6, (await fresh.HistoryAsync("FraudDetection")).Count);
    }
}
