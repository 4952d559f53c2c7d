using ModelRegistry.Runtime;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Runtime;

public sealed class ModelWatchTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_watch_starts_with_the_current_version_pulled_and_a_poll_with_nothing_moved_downloads_no_state()
    {
        var (storage, client) = await ProductionAtOneAsync();
        await using var watch = await client.WatchAsync("FraudDetection@Production", TimeSpan.FromHours(1));
        var downloadsAfterStart = storage.StateDownloads;

        var moved = await watch.CheckAsync();

        Assert.False(moved);
        Assert.Equal(1, watch.Current.Version);
        Assert.Equal("fraud v1", File.ReadAllText(watch.Model!.File("model.bin")));
        Assert.Equal(downloadsAfterStart, storage.StateDownloads);
    }

    [Fact]
    public async Task When_Production_moves_the_watch_pulls_the_new_version_and_raises_Changed()
    {
        var (_, client) = await ProductionAtOneAsync();
        await using var watch = await client.WatchAsync("FraudDetection@Production", TimeSpan.FromHours(1));
        ModelChangedEventArgs? changed = null;
        watch.Changed += (_, e) => changed = e;
        await PromoteTwoAsync();

        var moved = await watch.CheckAsync();

        Assert.True(moved);
        Assert.Equal((1, 2), (changed!.Previous.Version, changed.Current.Version));
        Assert.Equal("fraud v2", File.ReadAllText(changed.Model!.File("model.bin")));
        Assert.Same(changed.Model, watch.Model);
    }

    [Fact]
    public async Task The_polling_loop_raises_Changed_by_itself()
    {
        var (_, client) = await ProductionAtOneAsync();
        await using var watch = await client.WatchAsync("FraudDetection@Production", TimeSpan.FromMilliseconds(20), pull: false);
        var changed = new TaskCompletionSource<ModelChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watch.Changed += (_, e) => changed.TrySetResult(e);

        await PromoteTwoAsync();
        var args = await changed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, args.Current.Version);
        Assert.Null(args.Model);
    }

    [Fact]
    public async Task A_failed_poll_raises_Failed_and_keeps_the_current_version()
    {
        var (storage, client) = await ProductionAtOneAsync();
        await using var watch = await client.WatchAsync("FraudDetection@Production", TimeSpan.FromMilliseconds(20));
        var failed = new TaskCompletionSource<ModelWatchFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watch.Failed += (_, e) => failed.TrySetResult(e);

        storage.Unreachable = true;
        var args = await failed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsType<IOException>(args.Error, exactMatch: false);
        Assert.Equal(1, watch.Current.Version);
    }

    [Theory]
    [InlineData("FraudDetection@1")]
    [InlineData("FraudDetection@1.0.0")]
    public async Task A_fixed_version_cannot_be_watched(string reference)
    {
        var (_, client) = await ProductionAtOneAsync();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.WatchAsync(reference, TimeSpan.FromHours(1)));

        Assert.Equal("MRB1651", error.Code);
    }

    private async Task<(ObservedStorage Storage, ModelRegistryClient Client)> ProductionAtOneAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var storage = new ObservedStorage(new FolderStorage(harness.Root));
        return (storage, ModelRegistryClient.Create(await Registry.OpenAsync(storage), harness.Temp.Combine("cache")));
    }

    /// <summary>Another process (a promotion pipeline) moves Production to version 2.</summary>
    private async Task PromoteTwoAsync()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v2");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
    }
}
