using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Protocol;

/// <summary>Several first writers open an empty location at once; each must see a registry or an empty folder, never "not a registry".</summary>
public class ConcurrentCreationTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Opening_while_another_writer_creates_the_registry_finds_it()
    {
        await harness.RegisterAsync(await harness.OpenAsync(), "FraudDetection", "first writer's weights");

        // The interleaving of two processes: this one read registry.json just before the other created it, and
        // lists the folder just after the other wrote its first objects.
        var late = new FirstSettingsReadMisses(new FolderStorage(harness.Root));
        var registry = await Registry.OpenAsync(late);

        Assert.True(registry.Exists);
        Assert.Equal(2, (await harness.RegisterAsync(registry, "FraudDetection", "second writer's weights")).Version!.Version);
    }

    [Fact]
    public async Task Concurrent_first_registrations_into_an_empty_folder_all_succeed()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await harness.RegisterAsync(await harness.OpenAsync(), "FraudDetection", $"weights {i}"))));

        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Version!.Version).Order());
    }

    private sealed class FirstSettingsReadMisses(IRegistryStorage inner) : IRegistryStorage
    {
        private int missed;

        public string DisplayLocation => inner.DisplayLocation;

        public Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default) =>
            path == RegistryPaths.Settings && Interlocked.Exchange(ref missed, 1) == 0
                ? Task.FromResult<StoredObject?>(null)
                : inner.ReadAsync(path, ifNoneMatch, cancellationToken);

        public Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.CreateAsync(path, content, cancellationToken);

        public Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default) => inner.ReplaceAsync(path, content, ifMatch, cancellationToken);

        public Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.UploadAsync(path, content, length, progress, cancellationToken);

        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

        public Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default) => inner.TouchAsync(path, cancellationToken);

        public Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default) => inner.DeleteIfUnchangedAsync(seen, cancellationToken);

        public IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync(CancellationToken cancellationToken = default) => inner.ReadEnclosingSettingsAsync(cancellationToken);
    }
}
