using ModelRegistry.Storage;

namespace ModelRegistry.Tests.Conformance;

/// <summary>The conformance suite on the embedded default backend, a local folder.</summary>
public sealed class FolderStorageConformanceTests : StorageConformanceTests
{
    private int storages;

    protected override Task<IRegistryStorage> CreateStorageAsync() =>
        Task.FromResult<IRegistryStorage>(new FolderStorage(Work.Combine($"registry-{Interlocked.Increment(ref storages)}")));

    protected override IRegistryStorage Inside(IRegistryStorage storage, string relative) =>
        new FolderStorage(Path.Combine(((FolderStorage)storage).Root, relative));
}
