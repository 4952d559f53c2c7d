using System.Collections.Concurrent;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>Many CI runners committing to one model of one Azure registry at once.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureConcurrencyTests(AzuriteFixture azurite)
{
    private const int Writers = 64;
    private const int RegistrationsEach = 10;
    private const string Model = "FraudDetection";

    [Fact]
    public async Task Sixty_four_writers_registering_ten_versions_each_get_640_contiguous_versions_and_readers_never_go_back()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var location = azurite.NewLocation("concurrency");
        var acknowledged = new ConcurrentBag<(int Writer, int Index, int Version, string Digest)>();
        using var writersDone = new CancellationTokenSource();

        // The registry exists before the race: opening one while another process creates it is not what this measures.
        await (await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null))).EnsureCreatedAsync();

        // act: each writer is its own process in spirit: its own backend, client and registry instance.
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ReadUntilDoneAsync(location, writersDone.Token))).ToList();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var registry = await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null));
            for (var index = 0; index < RegistrationsEach; index++)
            {
                var artifact = scratch.Write($"w{writer}/r{index}/model.bin", $"weights of writer {writer}, registration {index}");
                var result = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [artifact], Actor = $"runner-{writer}" });
                Assert.True(result.Created);
                acknowledged.Add((writer, index, result.Version!.Version, result.Version.Digest));
            }
        })).ToList();
        await Task.WhenAll(writers);
        await writersDone.CancelAsync();
        var observed = await Task.WhenAll(readers);

        // assert
        var check = await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null));
        var versions = await check.ListVersionsAsync(Model);
        Assert.Equal(Enumerable.Range(1, Writers * RegistrationsEach), versions.Select(v => v.Version));
        Assert.Equal(Writers * RegistrationsEach, versions.Select(v => v.Digest).Distinct().Count());
        Assert.Equal(Writers * RegistrationsEach, acknowledged.Count);
        var byVersion = versions.ToDictionary(v => v.Version, v => v.Digest);
        Assert.All(acknowledged, a => Assert.Equal(byVersion[a.Version], a.Digest));
        Assert.Equal(Writers * RegistrationsEach, acknowledged.Select(a => a.Version).Distinct().Count());
        var history = await check.HistoryAsync(Model);
        Assert.Equal(Enumerable.Range(1, Writers * RegistrationsEach).Select(r => (long)r), history.Select(e => e.Revision));
        Assert.All(observed, readsMade => Assert.True(readsMade > 0));
    }

    /// <summary>Loads the model again and again; a revision or latest version lower than one seen before fails the test.</summary>
    private static async Task<int> ReadUntilDoneAsync(string location, CancellationToken done)
    {
        var registry = await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null), CancellationToken.None);
        long lastRevision = 0;
        var lastVersion = 0;
        var reads = 0;
        while (!done.IsCancellationRequested)
        {
            try
            {
                var view = await registry.LoadModelAsync(Model, cancellationToken: CancellationToken.None);
                Assert.True(view.Revision >= lastRevision, $"revision went back from {lastRevision} to {view.Revision}");
                Assert.True(view.State.LatestVersion >= lastVersion, $"latest version went back from {lastVersion} to {view.State.LatestVersion}");
                lastRevision = view.Revision;
                lastVersion = view.State.LatestVersion;
                reads++;
            }
            catch (RegistryException e) when (e.Code == "MRB1003" && lastRevision == 0)
            {
                // Nothing committed yet.
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return reads;
    }
}
