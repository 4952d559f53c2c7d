using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class PackageInstallTests(PackagedProductFixture fixture)
{
    [Fact]
    public async Task A_project_without_model_items_builds_and_the_package_does_nothing()
    {
        // arrange
        using var folder = fixture.Product.CreateFolder("plain");
        folder.Write("Plain.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ModelRegistry.Build" Version="{PackagedProduct.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("Class1.cs", "namespace Plain; public static class Class1 { }\n");

        // act
        var result = await fixture.Product.DotNet.BuildAsync(folder.Path);

        // assert
        result.AssertSuccess();
        Assert.False(folder.Exists("models.lock.json"));
        Assert.True(Directory.Exists(Path.Combine(fixture.Product.PackagesFolder, "modelregistry.build", PackagedProduct.Version)));
    }
}
