using System.IO.Compression;
using System.Xml.Linq;
using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class PackageLayoutTests(PackagedProductFixture fixture)
{
    [Fact]
    public void The_package_carries_the_build_logic_the_tasks_and_the_whole_tool_with_its_native_libraries()
    {
        // arrange
        using var package = ZipFile.OpenRead(Path.Combine(fixture.Product.FeedFolder, $"ModelRegistry.Build.{PackagedProduct.Version}.nupkg"));

        // act
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        // assert
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "build/ModelRegistry.Build.props",
                "build/ModelRegistry.Build.targets",
                "buildMultiTargeting/ModelRegistry.Build.props",
                "buildMultiTargeting/ModelRegistry.Build.targets",
                "tasks/net10.0/ModelRegistry.Build.dll",
                "tasks/net10.0/ModelRegistry.Contracts.dll",
                "tools/cli/model-registry.dll",
                "tools/cli/model-registry.deps.json",
                "tools/cli/model-registry.runtimeconfig.json",
                "README.md",
            },
            entries);
        Assert.Contains(entries, e => e.StartsWith("tools/cli/runtimes/linux-x64/native/libgit2-", StringComparison.Ordinal) && e.EndsWith(".so", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("tools/cli/runtimes/win-x64/native/git2-", StringComparison.Ordinal));

        // Only the task assembly and the contracts load into MSBuild: no engine, Azure SDK, Octokit, libgit2 or MSBuild copy.
        Assert.Equal(["tasks/net10.0/ModelRegistry.Build.dll", "tasks/net10.0/ModelRegistry.Contracts.dll"], entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_is_a_development_dependency_without_dependencies()
    {
        // arrange
        using var package = ZipFile.OpenRead(Path.Combine(fixture.Product.FeedFolder, $"ModelRegistry.Build.{PackagedProduct.Version}.nupkg"));
        using var nuspec = package.GetEntry("ModelRegistry.Build.nuspec")!.Open();

        // act
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        // assert
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies" && e.Descendants().Any(d => d.Name.LocalName == "dependency"));
    }
}
