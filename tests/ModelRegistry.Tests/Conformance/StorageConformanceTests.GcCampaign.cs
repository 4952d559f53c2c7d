using System.Collections.Concurrent;
using System.Globalization;
using ModelRegistry.Retention;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Conformance;

/// <summary>
/// The campaign: in each trial gc --apply, with a retention policy that purges, races registrations (new files and a
/// file of a version it is purging), a restore, promotions, aliases, a copy and a second gc, and some gc runs are
/// cancelled part-way. Everything written before the race is old enough to take, everything written during it is
/// within the grace period, as in real life with a grace of an hour or more. After each trial, every acknowledged
/// version that no purge names is pullable, every purged one is refused with MRB1230, and verify is clean.
/// </summary>
public abstract partial class StorageConformanceTests
{
    private const int CampaignTrials = 200;

    [Fact]
    public async Task Gc_racing_every_writer_never_loses_an_acknowledged_version()
    {
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(1, CampaignTrials), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (seed, _) =>
        {
            try
            {
                await GcTrialAsync(seed);
            }
            catch (Exception e)
            {
                failures.Add($"trial with seed {seed}: {e}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {CampaignTrials} trials failed; first:\n{string.Join("\n\n", failures.Take(2))}");
    }

    private async Task GcTrialAsync(int seed)
    {
        var random = new Random(seed);
        var storage = await CreateStorageAsync();
        var folder = Path.Combine("campaign", seed.ToString(CultureInfo.InvariantCulture));
        var shared = Work.WriteFile(Path.Combine(folder, "shared", "shared.bin"), $"shared {seed}");
        var contents = new ConcurrentDictionary<int, string>();
        var setup = await Registry.OpenAsync(storage);
        var setupArtifacts = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            setupArtifacts.Add(Artifact($"trial {seed} setup {i}"));
            var registered = await setup.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [setupArtifacts[^1], shared] });
            contents[registered.Version!.Version] = $"trial {seed} setup {i}";
        }

        if (random.Next(2) == 0)
        {
            await PromoteAsync(setup, "M@2", "Production");
        }

        if (random.Next(3) == 0)
        {
            await RegisterInterruptedAsync(storage, "M", $"trial {seed} interrupted");
        }

        await SetRetentionAsync(setup, new RetentionPolicy { KeepLast = 1, KeepProductionFor = TimeSpan.Zero });
        var source = await CreateStorageAsync();
        await (await Registry.OpenAsync(source)).RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [Artifact($"trial {seed} copied"), shared] });

        // Storage times may have whole-second resolution: start the race in a fresh second, and take as old exactly
        // what was written before it.
        var now = DateTimeOffset.UtcNow;
        var raceSecond = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        await Task.Delay(raceSecond - now + TimeSpan.FromMilliseconds(20));
        var clock = new FixedClock(raceSecond.AddMilliseconds(-1) + Registry.DefaultGrace);

        using var cancel = new CancellationTokenSource();
        var cancelled = random.Next(3) == 0 ? cancel : null;
        var cancelAfter = random.Next(1, 40);
        var reuse = random.Next(2) == 0;
        var operations = new List<Func<Task>>
        {
            () => GcAsync(storage, clock, cancelled, cancelAfter),
            async () =>
            {
                // A new version, either all new or reusing the weights of the version gc is about to purge (with a
                // new file beside them, so that it is a new recipe).
                var content = $"trial {seed} new";
                string[] artifacts = reuse ? [setupArtifacts[0], Work.WriteFile(Path.Combine(folder, "beside", "beside.bin"), "beside")] : [Artifact(content), shared];
                var registered = await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = artifacts });
                contents[registered.Version!.Version] = reuse ? $"trial {seed} setup 1" : content;
            },
        };
        if (random.Next(2) == 0)
        {
            operations.Add(() => GcAsync(storage, clock, null, 0));
        }

        if (random.Next(2) == 0)
        {
            // Registering the first version's recipe again: unchanged while it is kept, a restore once it was purged.
            operations.Add(async () => await (await Registry.OpenAsync(storage)).RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [setupArtifacts[0], shared] }));
        }

        var promoted = random.Next(1, 4);
        if (random.Next(2) == 0)
        {
            operations.Add(() => RefusedOnlyAsPurgedAsync(async () => await PromoteAsync(await Registry.OpenAsync(storage), $"M@{promoted}", "Staging")));
        }

        if (random.Next(2) == 0)
        {
            operations.Add(() => RefusedOnlyAsPurgedAsync(async () => await (await Registry.OpenAsync(storage)).SetAliasAsync($"M@{promoted}", "champion", null, "campaign")));
        }

        if (random.Next(2) == 0)
        {
            operations.Add(async () =>
            {
                var copied = await (await Registry.OpenAsync(source)).CopyVersionAsync("M@1", await Registry.OpenAsync(storage));
                contents[copied.Destination.Version] = $"trial {seed} copied";
            });
        }

        var delays = operations.Select(_ => random.Next(0, 12)).ToList();
        await Task.WhenAll(operations.Select(async (operation, i) =>
        {
            await Task.Delay(delays[i]);
            await operation();
        }));

        // A last gc, as the next scheduled run would be: it undoes whatever a cancelled one left.
        await GcAsync(storage, clock, null, 0);
        await AssertEveryAcknowledgedVersionAnswersAsync(storage, contents, seed);
    }

    private async Task AssertEveryAcknowledgedVersionAnswersAsync(IRegistryStorage storage, IReadOnlyDictionary<int, string> contents, int seed)
    {
        var reader = await Registry.OpenAsync(storage);
        foreach (var (version, content) in contents)
        {
            var info = await reader.ResolveAsync($"M@{version}");
            var output = Work.Combine("campaign-pulls", Guid.NewGuid().ToString("N"));
            if (info.PurgedBy is { } purge)
            {
                var refused = await Assert.ThrowsAsync<RegistryException>(() => reader.PullAsync($"M@{version}", output));
                Assert.Equal("MRB1230", refused.Code);
                continue;
            }

            await reader.PullAsync($"M@{version}", output);
            Assert.Equal(content, File.ReadAllText(Path.Combine(output, "model.bin")));
            Assert.Equal(info.Files.Count, Directory.GetFiles(output).Length);
        }

        var state = (await reader.LoadModelAsync("M")).State;
        Assert.All(state.Stages.Values.Concat(state.Aliases.Values), held => Assert.False(state.Purged.ContainsKey(held), $"version {held} is held and purged"));
        var verified = await reader.VerifyAsync();
        Assert.True(verified.Clean, string.Join("; ", verified.Problems.Select(p => $"{p.Path}: {p.Problem}")));
    }

    private static async Task GcAsync(IRegistryStorage storage, TimeProvider clock, CancellationTokenSource? cancel, int cancelAfterMs)
    {
        var gc = await Registry.OpenAsync(storage);
        gc.Clock = clock;
        cancel?.CancelAfter(cancelAfterMs);
        try
        {
            await gc.CollectGarbageAsync(new GcRequest { Apply = true, Actor = "campaign" }, cancel?.Token ?? default);
        }
        catch (OperationCanceledException) when (cancel is not null)
        {
            // Stopped part-way, as a killed run would be: whatever it did must leave the registry sound.
        }
    }

    /// <summary>A promotion or alias may find its version purged first; any other refusal is a failure.</summary>
    private static async Task RefusedOnlyAsPurgedAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (RegistryException e) when (e.Code == "MRB1230")
        {
        }
    }
}
