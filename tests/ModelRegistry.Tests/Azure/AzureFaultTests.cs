using System.Collections.Concurrent;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ModelRegistry.Tests.Azure;

/// <summary>The commit protocol over an unreliable wire: timeouts after the service applied a write, 500 and 503
/// answers. Nothing acknowledged may be lost, nothing may be registered twice, and what cannot be settled is said to be
/// unknown.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureFaultTests(AzuriteFixture azurite, ITestOutputHelper log)
{
    private const string Model = "Unreliable";

    [Fact]
    public async Task A_thousand_registrations_through_5_percent_timeouts_and_5_percent_server_errors_lose_nothing_and_duplicate_nothing()
    {
        // arrange
        const int operations = 1000;
        const int workers = 8;
        using var scratch = new ScratchFolder();
        var location = azurite.NewLocation("faults");
        var faults = new FaultInjectionPolicy(timeoutAfterWriteRate: 0.05, serverErrorRate: 0.05, seed: 20261128) { Enabled = false };

        // One SDK retry only, so that many faults reach the backend and the engine instead of being absorbed.
        var options = new AzureStorageOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(20), PerTryPolicies = [faults] };
        await (await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null))).EnsureCreatedAsync();
        var registries = new List<Registry>();
        for (var i = 0; i < workers; i++)
        {
            registries.Add(await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null, options)));
        }

        var acknowledged = new ConcurrentBag<(int Recipe, int Version, string Digest, bool Created)>();
        var unknown = new ConcurrentBag<int>();
        var noAnswer = new ConcurrentBag<int>();
        var unexpected = new ConcurrentBag<Exception>();
        var next = -1;
        faults.Enabled = true;

        // act: every fifth operation registers again the recipe of an earlier one, as a user retrying would.
        await Task.WhenAll(registries.Select(registry => Task.Run(async () =>
        {
            for (var op = Interlocked.Increment(ref next); op < operations; op = Interlocked.Increment(ref next))
            {
                var recipe = op % 5 == 4 ? op - 2 : op;
                var folder = scratch.Combine($"op{op}");
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(Path.Combine(folder, "model.bin"), $"weights of recipe {recipe}");
                try
                {
                    var result = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [Path.Combine(folder, "model.bin")] });
                    acknowledged.Add((recipe, result.Version!.Version, result.Version.Digest, result.Created));
                }
                catch (RegistryException e) when (e.Code == "MRB1102")
                {
                    unknown.Add(recipe);
                }
                catch (AzureUnavailableException)
                {
                    noAnswer.Add(recipe);
                }
                catch (Exception e)
                {
                    unexpected.Add(e);
                }
            }
        })));
        faults.Enabled = false;

        // assert
        log.WriteLine($"{faults.Requests} tries on the wire, {faults.TimeoutsAfterWrite} timeouts after a write, {faults.ServerErrors} server errors; "
            + $"{acknowledged.Count} acknowledged, {unknown.Count} outcome unknown (MRB1102), {noAnswer.Count} reads without answer.");
        Assert.Empty(unexpected);
        Assert.Equal(operations, acknowledged.Count + unknown.Count + noAnswer.Count);
        Assert.True(faults.TimeoutsAfterWrite > 200 && faults.ServerErrors > 200, "the storm was too small to prove anything");

        var check = await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null));
        var versions = await check.ListVersionsAsync(Model);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
        Assert.Equal(versions.Count, versions.Select(v => v.RecipeDigest).Distinct().Count());
        var byVersion = versions.ToDictionary(v => v.Version, v => v.Digest);
        Assert.All(acknowledged, a => Assert.Equal(byVersion[a.Version], a.Digest));
        Assert.All(acknowledged.GroupBy(a => a.Recipe), g => Assert.Single(g.Select(a => a.Version).Distinct()));

        // Reads without answer happen before a commit: a recipe only such operations tried was never registered.
        var registered = versions.Select(v => v.RecipeDigest).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(RecipeOf(a.Recipe), registered));
        var settled = acknowledged.Select(a => a.Recipe).Concat(unknown).Select(RecipeOf).ToHashSet();
        Assert.All(noAnswer.Select(RecipeOf).Where(r => !settled.Contains(r)), r => Assert.DoesNotContain(r, registered));
        Assert.Subset(settled, registered);
        var history = await check.HistoryAsync(Model);
        Assert.Equal(versions.Count, history.Count);
    }

    [Fact]
    public async Task A_commit_that_applied_but_could_not_be_read_back_is_reported_as_outcome_unknown_and_is_there_once()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var location = azurite.NewLocation("blackout");
        var blackout = new BlackoutAfterCommitPolicy();
        var registry = await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null, new AzureStorageOptions { MaxRetries = 0, PerTryPolicies = [blackout] }));
        var artifact = scratch.Write("model.bin", "weights");

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [artifact] }));
        blackout.Enabled = false;
        var again = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [artifact] });

        // assert
        Assert.Equal("MRB1102", error.Code);
        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
        Assert.True(blackout.Blocked > 0);
        Assert.False(again.Created);
        Assert.Equal(1, again.Version!.Version);
        Assert.Single(await registry.HistoryAsync(Model));
    }

    private static string RecipeOf(int recipe)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"weights of recipe {recipe}");
        return ModelRegistry.Recipes.RecipeIdentity.Compute([new ModelRegistry.Content.ArtifactFile("model.bin", content.Length, ModelRegistry.Content.Sha256Digest.Of(content))], new ModelRegistry.Recipes.Recipe());
    }

    /// <summary>Lets the first log commit reach the service, loses its answer, then answers nothing at all.</summary>
    private sealed class BlackoutAfterCommitPolicy : global::Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private volatile bool dark;
        private int blocked;

        public bool Enabled { get; set; } = true;

        public int Blocked => Volatile.Read(ref blocked);

        public override void Process(global::Azure.Core.HttpMessage message, ReadOnlyMemory<global::Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(global::Azure.Core.HttpMessage message, ReadOnlyMemory<global::Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (Enabled && dark)
            {
                Interlocked.Increment(ref blocked);
                throw new IOException("Injected: the network is down.");
            }

            await ProcessNextAsync(message, pipeline);
            if (Enabled && message.Request.Method == global::Azure.Core.RequestMethod.Put && message.Request.Uri.Path.Contains("/log/", StringComparison.Ordinal))
            {
                dark = true;
                throw new TaskCanceledException("Injected: the commit timed out after the service received it.", new TimeoutException());
            }
        }
    }
}
