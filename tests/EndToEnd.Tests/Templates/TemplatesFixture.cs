using EndToEnd.Tests.Cake;
using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Templates;

/// <summary>
/// The product packed with everything the templates reference (ModelRegistry.Build, ModelRegistry.Cake, the
/// ModelRegistry library, the model-registry tool) and the template pack itself, installed into a DOTNET_CLI_HOME of its own so that no
/// template lands in the real home folder.
/// </summary>
public sealed class TemplatesFixture : IAsyncLifetime
{
    private PackagedProduct? product;
    private string? cliHome;

    public PackagedProduct Product => product ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The DOTNET_CLI_HOME the template pack is installed in; every <c>dotnet new</c> of the tests uses it.</summary>
    public string CliHome => cliHome ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        product = await PackagedProduct.GetAsync();
        cliHome = Path.Combine(Product.Root, $"dotnet-home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(cliHome);
        var package = Path.Combine(Product.FeedFolder, $"ModelRegistry.Templates.{PackagedProduct.Version}.nupkg");
        (await NewAsync(Product.Root, "install", package)).AssertSuccess();
    }

    public Task DisposeAsync()
    {
        if (cliHome is not null && Directory.Exists(cliHome))
        {
            Directory.Delete(cliHome, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet new &lt;arguments&gt;</c> with the isolated DOTNET_CLI_HOME.</summary>
    public Task<DotNetResult> NewAsync(string workingDirectory, params string[] arguments) =>
        Product.DotNet.RunAsync(workingDirectory, ["new", .. arguments], new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = CliHome });
}
