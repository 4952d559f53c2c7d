using ModelRegistry.Storage;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Conformance;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>The whole storage conformance suite, unchanged, on Azure Blob Storage (Azurite): every test gets a fresh
/// container, and the registry lives under a prefix in it, as a team's registry in a shared container would.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureStorageConformanceTests(AzuriteFixture azurite) : StorageConformanceTests
{
    protected override Task<IRegistryStorage> CreateStorageAsync() =>
        Task.FromResult<IRegistryStorage>(azurite.NewStorage("conformance", prefix: "registries/team-a"));

    protected override IRegistryStorage Inside(IRegistryStorage storage, string relative)
    {
        var outer = (AzureBlobStorage)storage;
        return new AzureBlobStorage(outer.Container, $"{outer.Prefix}/{relative}", $"{outer.DisplayLocation}/{relative}");
    }
}
