using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Build.Tests.Targets;

[Collection(TargetsCollectionDefinition.Name)]
public sealed class ReferenceTargetsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SeededRegistry registry;

    public ReferenceTargetsTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Resolved_references_carry_version_digest_and_paths_and_feed_the_copy_and_the_constants()
    {
        var version = await registry.RegisterAsync("FraudDetection", "v1");
        await registry.PromoteAsync("FraudDetection@1", "Production");
        var project = Consumer("""<ModelReference Include="FraudDetection" Version="Production" />""");

        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels;_ModelRegistryAddModelsToOutput;_ModelRegistryGenerateConstants");

        Assert.True(outcome.Succeeded, outcome.ToString());
        var reference = Assert.Single(outcome.Items("ResolvedModelReference"));
        Assert.Equal(("Production", "1", version.Digest), (reference.GetMetadataValue("Version"), reference.GetMetadataValue("ResolvedVersion"), reference.GetMetadataValue("Digest")));
        Assert.StartsWith(folder.Combine("cache"), reference.GetMetadataValue("CachePath"), StringComparison.Ordinal);
        var copy = Assert.Single(outcome.Items("ContentWithTargetPath"));
        Assert.Equal((Path.Combine("models", "FraudDetection", "model.bin"), "IfDifferent"), (copy.GetMetadataValue("TargetPath"), copy.GetMetadataValue("CopyToPublishDirectory")));
        Assert.Contains("namespace Sample", File.ReadAllText(folder.Combine("obj", "ModelRegistryModels.g.cs")), StringComparison.Ordinal);
        Assert.Contains(outcome.Items("Compile"), c => c.EvaluatedInclude.EndsWith("ModelRegistryModels.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_up_to_date_lock_and_a_warm_cache_no_tool_runs_even_without_the_registry()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        var project = Consumer("""<ModelReference Include="FraudDetection" />""");
        Assert.True(InProcessBuild.Run(project, "ModelRegistryResolveModels").Succeeded);
        Directory.Delete(registry.Path, recursive: true);

        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.DoesNotContain(outcome.Log.Messages, m => m.Contains(": model-registry ", StringComparison.Ordinal));
        Assert.DoesNotContain("_ModelRegistryRestore", outcome.Log.TargetsRun);
        Assert.Single(outcome.Items("ResolvedModelReference"));
    }

    [Fact]
    public async Task A_design_time_build_with_no_lock_starts_no_tool_and_writes_no_lock()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        var project = Consumer("""<ModelReference Include="FraudDetection" />""");

        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels", new Dictionary<string, string> { ["DesignTimeBuild"] = "true" });

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Empty(outcome.Items("ResolvedModelReference"));
        Assert.False(File.Exists(folder.Combine("models.lock.json")));
    }

    [Fact]
    public void Locked_mode_without_a_lock_fails_with_MRB1602()
    {
        var project = Consumer("""<ModelReference Include="FraudDetection" Version="Production" />""");

        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels", new Dictionary<string, string> { ["ModelRegistryLockedMode"] = "true" });

        Assert.False(outcome.Succeeded);
        Assert.Equal(["MRB1602"], outcome.Log.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_project_without_ModelReference_items_runs_none_of_the_consuming_targets()
    {
        var project = Consumer("");

        var outcome = InProcessBuild.Run(project, "Build;ModelRegistryResolveModels");

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.DoesNotContain("_ModelRegistryCheckLock", outcome.Log.TargetsRun);
    }

    private string Consumer(string references) =>
        folder.Write("Service.proj", InProcessBuild.Project($"""
            <PropertyGroup>
              <ModelRegistry>{registry.Path}</ModelRegistry>
              <ModelRegistryCache>{folder.Combine("cache")}</ModelRegistryCache>
              <ModelRegistryGenerateConstants>true</ModelRegistryGenerateConstants>
              <Language>C#</Language>
            </PropertyGroup>
            <ItemGroup>
              {references}
            </ItemGroup>
            """));
}
