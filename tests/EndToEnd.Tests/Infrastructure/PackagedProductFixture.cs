using Xunit;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// An xunit fixture that packs the product once per test run. Override <see cref="Projects"/> in a derived fixture
/// to pack more projects into the same feed (templates, for example).
/// </summary>
public class PackagedProductFixture : IAsyncLifetime
{
    public const string BuildPackageProject = "src/ModelRegistry.Build/ModelRegistry.Build.csproj";

    private PackagedProduct? product;

    public PackagedProduct Product => product ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Projects to pack, relative to the checkout.</summary>
    protected virtual IEnumerable<string> Projects => [BuildPackageProject];

    public async Task InitializeAsync() => product = await PackagedProduct.GetAsync(Projects);

    public Task DisposeAsync() => Task.CompletedTask;
}
