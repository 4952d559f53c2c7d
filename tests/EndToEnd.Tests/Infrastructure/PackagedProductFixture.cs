using Xunit;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>An xunit fixture with the product packed into a local feed (once per test run).</summary>
public class PackagedProductFixture : IAsyncLifetime
{
    private PackagedProduct? product;

    public PackagedProduct Product => product ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync() => product = await PackagedProduct.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
