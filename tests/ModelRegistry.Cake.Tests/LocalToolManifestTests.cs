using Cake.Core.IO;
using ModelRegistry.TestSupport;
using Xunit;

namespace ModelRegistry.Cake.Tests;

/// <summary>Which dotnet-tools.json manifests make the addin run the local tool: only one that lists the command; a
/// manifest of any other shape is passed over, never an exception in the script.</summary>
public sealed class LocalToolManifestTests
{
    [Theory]
    [InlineData("""{"version": 1, "tools": {"modelregistry.cli": {"version": "1.0.0", "commands": ["model-registry"]}}}""", true)]
    [InlineData("""{"tools": {"other": 5, "modelregistry.cli": {"commands": [1, null, "model-registry"]}}}""", true)]
    [InlineData("""{"tools": {"dotnet-format": {"commands": ["dotnet-format"]}}}""", false)]
    [InlineData("""{"tools": {"modelregistry.cli": {"commands": "model-registry"}}}""", false)]
    [InlineData("""{"tools": {"modelregistry.cli": ["model-registry"]}}""", false)]
    [InlineData("""{"tools": ["model-registry"]}""", false)]
    [InlineData("""[1, 2]""", false)]
    [InlineData("""null""", false)]
    [InlineData("""{"tools": {""", false)]
    [InlineData("", false)]
    public void A_manifest_counts_only_when_it_lists_the_command(string manifest, bool lists)
    {
        using var folder = new TempFolder();
        var path = folder.Write("dotnet-tools.json", manifest);

        Assert.Equal(lists, CliLocator.ListsCommand(new FilePath(path)));
    }
}
