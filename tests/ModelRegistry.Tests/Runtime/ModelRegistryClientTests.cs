using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Runtime;

public sealed class ModelRegistryClientTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Resolve_names_the_exact_version_of_a_stage()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "v1");
        await harness.RegisterVersionAsync(registry, "FraudDetection", "v2");
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var client = await ModelRegistryClient.OpenAsync(harness.Root, harness.Temp.Combine("cache"));

        var version = await client.ResolveAsync("FraudDetection@Production");

        Assert.Equal(1, version.Version);
    }

    [Fact]
    public async Task Pull_puts_the_verified_files_in_the_cache_and_a_second_pull_needs_no_registry()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "weights v1");
        var storage = new ObservedStorage(new FolderStorage(harness.Root));
        var client = ModelRegistryClient.Create(await Registry.OpenAsync(storage), harness.Temp.Combine("cache"));
        var first = await client.PullAsync("FraudDetection@1");
        storage.Unreachable = true;

        var second = await client.PullAsync(first.Version);

        Assert.Equal("weights v1", File.ReadAllText(second.File("model.bin")));
        Assert.Equal(harness.Temp.Combine("cache", "sha256", first.Version.Digest[7..]), second.Path);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.Temp.Combine("cache", ".staging")));
    }

    [Fact]
    public async Task A_damaged_cached_copy_is_pulled_again()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "FraudDetection", "weights v1");
        var client = ModelRegistryClient.Create(registry, harness.Temp.Combine("cache"));
        var first = await client.PullAsync("FraudDetection");
        File.WriteAllText(first.File("model.bin"), "truncated");

        var again = await client.PullAsync("FraudDetection");

        Assert.Equal("weights v1", File.ReadAllText(again.File("model.bin")));
    }
}
