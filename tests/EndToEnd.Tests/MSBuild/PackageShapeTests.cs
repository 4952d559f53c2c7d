using System.IO.Compression;
using System.Xml.Linq;
using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

/// <summary>What every package carries, as NuGet.org and a user's debugger see it: readme, icon, license, the
/// repository and commit (SourceLink), symbols, and the natives LibGit2Sharp needs where the CLI travels.</summary>
[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class PackageShapeTests(PackagedProductFixture fixture)
{
    public static TheoryData<string> Packages() => ["ModelRegistry", "ModelRegistry.Contracts", "ModelRegistry.Build", "ModelRegistry.Cli", "ModelRegistry.Cake", "ModelRegistry.Templates", "ModelRegistry.ML", "ModelRegistry.Onnx"];

    private string PackagePath(string id, string extension = "nupkg") =>
        Path.Combine(fixture.Product.FeedFolder, $"{id}.{PackagedProduct.Version}.{extension}");

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_package_has_readme_icon_license_project_url_and_the_commit_it_was_built_from(string id)
    {
        // arrange
        using var package = ZipFile.OpenRead(PackagePath(id));
        XNamespace ns = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open() is var s ? XDocument.Load(s).Root!.Name.Namespace : "";
        using var nuspecStream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Element(ns + "metadata")!;

        // act
        var readme = metadata.Element(ns + "readme")?.Value;
        var icon = metadata.Element(ns + "icon")?.Value;
        var repository = metadata.Element(ns + "repository");

        // assert
        Assert.Equal(PackagedProduct.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "projectUrl")?.Value, StringComparison.Ordinal);
        Assert.NotNull(readme);
        Assert.True(package.GetEntry(readme!)!.Length > 200, $"{id}: the readme is too short to help anyone");
        Assert.NotNull(icon);
        Assert.NotNull(package.GetEntry(icon!));
        Assert.NotNull(repository);
        Assert.Equal("git", repository!.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [InlineData("ModelRegistry", "lib/net10.0/ModelRegistry.pdb")]
    [InlineData("ModelRegistry.Contracts", "lib/net10.0/ModelRegistry.Contracts.pdb")]
    [InlineData("ModelRegistry.Build", "tasks/net10.0/ModelRegistry.Build.pdb")]
    [InlineData("ModelRegistry.Cli", "tools/net10.0/any/model-registry.pdb")]
    [InlineData("ModelRegistry.Cake", "lib/net10.0/ModelRegistry.Cake.pdb")]
    [InlineData("ModelRegistry.ML", "lib/net10.0/ModelRegistry.ML.pdb")]
    [InlineData("ModelRegistry.Onnx", "lib/net10.0/ModelRegistry.Onnx.pdb")]
    public void Assembly_packages_have_a_symbol_package_with_their_pdb(string id, string pdb)
    {
        using var symbols = ZipFile.OpenRead(PackagePath(id, "snupkg"));

        Assert.Contains(symbols.Entries, e => e.FullName == pdb);
    }

    [Theory]
    [InlineData("ModelRegistry.Build", "tools/cli/")]
    [InlineData("ModelRegistry.Cli", "tools/net10.0/any/")]
    [InlineData("ModelRegistry.Cake", "tools/cli/")]
    public void Packages_that_carry_the_tool_carry_libgit2_for_each_platform_once(string id, string toolFolder)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        var natives = package.Entries.Where(e => e.FullName.Contains("/native/", StringComparison.Ordinal) && e.Name.Contains("git2", StringComparison.Ordinal)).ToList();

        Assert.Contains(natives, e => e.FullName.StartsWith(toolFolder + "runtimes/linux-x64/native/", StringComparison.Ordinal));
        Assert.Contains(natives, e => e.FullName.StartsWith(toolFolder + "runtimes/win-x64/native/", StringComparison.Ordinal));
        Assert.Contains(natives, e => e.FullName.StartsWith(toolFolder + "runtimes/osx-arm64/native/", StringComparison.Ordinal));
        Assert.Equal(natives.Count, natives.Select(e => e.FullName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(natives, e => Assert.StartsWith(toolFolder, e.FullName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_depends_on_the_contracts_package_and_the_addin_carries_the_contracts_assembly()
    {
        // arrange
        using var engine = ZipFile.OpenRead(PackagePath("ModelRegistry"));
        using var addin = ZipFile.OpenRead(PackagePath("ModelRegistry.Cake"));
        using var nuspec = engine.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();

        // act
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (e.Attribute("id")?.Value, e.Attribute("version")?.Value)).ToList();
        var addinAssemblies = addin.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal);

        // assert: a service gets the contracts with the engine; Cake loads the addin's lib/ folder, without its dependencies
        Assert.Contains(("ModelRegistry.Contracts", PackagedProduct.Version), dependencies);
        Assert.Equal(["lib/net10.0/ModelRegistry.Cake.dll", "lib/net10.0/ModelRegistry.Contracts.dll"], addinAssemblies);
    }
}
