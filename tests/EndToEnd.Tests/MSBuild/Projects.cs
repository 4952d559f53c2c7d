using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.MSBuild;

/// <summary>Throwaway projects that use the packed ModelRegistry.Build, written the way a user would.</summary>
internal static class Projects
{
    public static readonly string PackageReference =
        $"""<PackageReference Include="ModelRegistry.Build" Version="{PackagedProduct.Version}" PrivateAssets="all" />""";

    /// <summary>
    /// A training project whose "training" copies weights.txt and metrics.json into out/ (so a test decides what the
    /// model and its metrics are), registers FraudDetection after Train, and prints what it registered.
    /// </summary>
    public static void WriteTraining(TempFolder folder, string registry, string items = "", string properties = "", string targetFrameworks = "net10.0")
    {
        var frameworks = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        folder.Write("Training.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <ModelRegistry>{registry}</ModelRegistry>
                <ModelRegistryRegisterAfterTargets>Train</ModelRegistryRegisterAfterTargets>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                <ModelArtifact Include="out/model.bin" Model="FraudDetection" />
                <ModelMetrics Include="out/metrics.json" />
                {items}
              </ItemGroup>
              <Target Name="Train" AfterTargets="Build" Inputs="weights.txt;metrics.json" Outputs="out/model.bin;out/metrics.json">
                <Copy SourceFiles="weights.txt" DestinationFiles="out/model.bin" />
                <Copy SourceFiles="metrics.json" DestinationFiles="out/metrics.json" />
              </Target>
              <Target Name="ShowRegistration" AfterTargets="ModelRegistryRegister">
                <Message Importance="high" Text="registered: $(ModelRegistryVersion) $(ModelRegistryDigest) @(RegisteredModel->'%(Identity)@%(Version)')" />
              </Target>
            </Project>
            """);
        folder.Write("weights.txt", "weights v1\n");
    }

    /// <summary>An inference service with the given ModelReference items and generated constants it prints.</summary>
    public static void WriteService(TempFolder folder, string registry, string cache, string references, string targetFrameworks = "net10.0")
    {
        var frameworks = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        folder.Write("Service.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                {frameworks}
                <ModelRegistry>{registry}</ModelRegistry>
                <ModelRegistryCache>{cache}</ModelRegistryCache>
                <ModelRegistryGenerateConstants>true</ModelRegistryGenerateConstants>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                {references}
              </ItemGroup>
            </Project>
            """);
    }
}
