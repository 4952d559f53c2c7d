using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Templates;
using Xunit;

namespace EndToEnd.Tests.Install;

/// <summary>
/// Package versions come from git tags through the repository's own Directory.Build.props (MinVer): a tag v0.2.0 packs
/// 0.2.0, a commit after it a prerelease that sorts after 0.2.0, and a repository without tags still packs.
/// </summary>
[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class VersionFromGitTests(PackagedProductFixture fixture)
{
    [Fact]
    public async Task A_tag_is_the_version_and_commits_after_it_are_a_prerelease_that_sorts_after_it()
    {
        // arrange: a one-project repository with this repository's build settings
        using var folder = fixture.Product.CreateFolder("minver");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "docs/images/icon.png" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.Combine(file))!);
            File.Copy(Path.Combine(RepositoryRoot.Path, file), folder.Combine(file), overwrite: true);
        }

        folder.Write("src/Tiny/Tiny.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>true</IsPackable>
                <PackageReadmeFile>README.md</PackageReadmeFile>
              </PropertyGroup>
              <ItemGroup>
                <None Include="README.md" Pack="true" PackagePath="/" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("src/Tiny/README.md", "Tiny\n");
        folder.Write("src/Tiny/Tiny.cs", "namespace Tiny; public static class Marker { }\n");
        var output = folder.Combine("packages");
        async Task<string> PackAsync()
        {
            (await fixture.Product.DotNet.RunAsync(folder.Combine("src", "Tiny"), ["pack", "-c", "Release", "-o", output])).AssertSuccess();
            var packed = Directory.EnumerateFiles(output, "Tiny.*.nupkg").Single();
            File.Delete(packed);
            return Path.GetFileNameWithoutExtension(packed)["Tiny.".Length..];
        }

        await GitRepository.InitAndCommitAsync(folder.Path, "first");

        // act
        var untagged = await PackAsync();
        await GitRepository.TagAsync(folder.Path, "v0.2.0");
        var tagged = await PackAsync();
        await GitRepository.CommitAllAsync(folder.Path, "after the release");
        var after = await PackAsync();

        // assert
        Assert.Matches(@"^0\.0\.0-alpha\.0(\.\d+)?$", untagged);
        Assert.Equal("0.2.0", tagged);
        Assert.Equal("0.2.1-alpha.0.1", after);
        Assert.True(NuGetOrder("0.2.0", after) < 0);
    }

    /// <summary>SemVer order of two versions of the shapes above (release before its patch's prereleases).</summary>
    private static int NuGetOrder(string left, string right) =>
        Version.Parse(left.Split('-')[0]).CompareTo(Version.Parse(right.Split('-')[0]));
}
