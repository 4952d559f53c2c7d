using ModelRegistry.Build.Tests.Infrastructure;
using ModelRegistry.Runtime;
using ModelRegistry.Schemas;
using Xunit;

namespace ModelRegistry.Build.Tests.Targets;

/// <summary>
/// A consuming project's schema pins and generated model types, through the real targets and the real tool: a pinned
/// reference restores only a version that keeps the schema, an edited pin is checked again, and GenerateModelTypes
/// writes ModelInput/ModelOutput classes into the compilation from the locked schema.
/// </summary>
[Collection(TargetsCollectionDefinition.Name)]
public sealed class SchemaTargetsTests : IDisposable
{
    private const string FourFeaturesPin = """
        { "inputs": [{ "name": "Features", "type": "float", "shape": [4] }],
          "outputs": [{ "name": "Score", "type": "float" }] }
        """;

    private static readonly ModelSchema FourFeatures = Schema([new("Features", "float", [4])], [new("Score", "float", null)]);

    private static readonly ModelSchema EightFeatures = Schema([new("Features", "float", [8])], [new("Score", "float", null)]);

    private readonly TempFolder folder = new();
    private readonly SeededRegistry registry;

    public SchemaTargetsTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
    }

    public void Dispose() => folder.Dispose();

    private string LockFile => folder.Combine("models.lock.json");

    [Fact]
    public async Task A_pinned_reference_restores_a_compatible_version_and_the_next_build_starts_no_tool()
    {
        // arrange
        await ProductionAsync("v1", FourFeatures with { Outputs = [.. FourFeatures.Outputs, new SchemaColumn("Probability", "float", null)] });
        folder.Write("schemas/fraud.json", FourFeaturesPin);
        var project = Consumer("""Schema="schemas/fraud.json" """);

        // act
        var first = InProcessBuild.Run(project, "ModelRegistryResolveModels");
        var second = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        // assert
        Assert.True(first.Succeeded, first.ToString());
        var entry = ModelLockFile.Read(LockFile)!.Models.Single();
        Assert.Equal(SchemaPinFingerprint.Of(folder.Combine("schemas", "fraud.json")), entry.SchemaPin);
        Assert.Equal(["Score", "Probability"], entry.Schema!.Outputs.Select(c => c.Name));
        Assert.True(second.Succeeded, second.ToString());
        Assert.DoesNotContain("_ModelRegistryRestore", second.Log.TargetsRun);
    }

    [Fact]
    public async Task A_version_that_breaks_the_pin_fails_the_build_listing_each_difference_and_changes_nothing()
    {
        // arrange: the lock pins version 1; version 2 reaches Production with twice the features and no Score
        await ProductionAsync("v1", FourFeatures);
        folder.Write("schemas/fraud.json", FourFeaturesPin);
        var project = Consumer("""Schema="schemas/fraud.json" """);
        Assert.True(InProcessBuild.Run(project, "ModelRegistryResolveModels").Succeeded);
        var before = File.ReadAllText(LockFile);
        var broken = await ProductionAsync("v2", Schema([new("Features", "float", [8])], [new("RawScore", "float", null)]));

        // act
        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels", new Dictionary<string, string> { ["ModelRegistryRefresh"] = "true" });

        // assert
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Log.Errors);
        Assert.Equal("MRB2110", error.Code);
        Assert.Contains("input Features: shape [4] -> [8]; output Score: removed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(LockFile));
        Assert.False(new ModelCacheFolder(folder.Combine("cache")).Holds(broken.Digest, broken.Files));
    }

    [Fact]
    public async Task Locked_mode_fails_when_the_locked_version_breaks_the_pin()
    {
        // arrange
        await ProductionAsync("v1", EightFeatures);
        Assert.True(InProcessBuild.Run(Consumer(""), "ModelRegistryResolveModels").Succeeded);
        folder.Write("schemas/fraud.json", FourFeaturesPin);

        // act (another project file: MSBuild caches a file it read)
        var outcome = InProcessBuild.Run(Consumer("""Schema="schemas/fraud.json" """, "Pinned.proj"), "ModelRegistryResolveModels", new Dictionary<string, string> { ["ModelRegistryLockedMode"] = "true" });

        // assert
        Assert.Equal(["MRB2110"], outcome.Log.Errors.Select(e => e.Code));
        Assert.Null(ModelLockFile.Read(LockFile)!.Models.Single().SchemaPin);
    }

    [Fact]
    public async Task An_edited_pin_file_is_noticed_and_checked_again()
    {
        // arrange
        await ProductionAsync("v1", FourFeatures);
        folder.Write("schemas/fraud.json", FourFeaturesPin);
        var project = Consumer("""Schema="schemas/fraud.json" """);
        Assert.True(InProcessBuild.Run(project, "ModelRegistryResolveModels").Succeeded);

        // act: the service now expects a column the model does not have
        folder.Write("schemas/fraud.json", FourFeaturesPin.Replace("\"Score\"", "\"Margin\"", StringComparison.Ordinal));
        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        // assert
        Assert.Contains(outcome.Log.Messages, m => m.Contains(": model-registry restore ", StringComparison.Ordinal));
        Assert.Equal(["MRB2110"], outcome.Log.Errors.Select(e => e.Code));
        Assert.Contains("output Margin: removed", outcome.Log.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_on_a_version_without_a_schema_fails_as_schema_missing()
    {
        await ProductionAsync("v1", schema: null);
        folder.Write("schemas/fraud.json", FourFeaturesPin);

        var outcome = InProcessBuild.Run(Consumer("""Schema="schemas/fraud.json" """), "ModelRegistryResolveModels");

        Assert.Equal(["MRB2111"], outcome.Log.Errors.Select(e => e.Code));
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public async Task GenerateModelTypes_adds_the_model_classes_to_the_compilation()
    {
        // arrange
        await ProductionAsync("v1", FourFeatures);
        var project = Consumer("""GenerateModelTypes="true" """);

        // act
        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels;_ModelRegistryGenerateModelTypes");

        // assert
        Assert.True(outcome.Succeeded, outcome.ToString());
        var generated = folder.Combine("obj", "ModelRegistryModelTypes.g.cs");
        var source = File.ReadAllText(generated);
        Assert.Contains("namespace ModelRegistry.Models.FraudDetection", source, StringComparison.Ordinal);
        Assert.Contains("[global::Microsoft.ML.Data.VectorType(4)]\n        public float[] Features { get; set; } = new float[4];", source, StringComparison.Ordinal);
        Assert.Contains(outcome.Items("Compile"), c => c.EvaluatedInclude.EndsWith("ModelRegistryModelTypes.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateModelTypes_on_a_model_without_a_schema_fails_the_build()
    {
        await ProductionAsync("v1", schema: null);

        var outcome = InProcessBuild.Run(Consumer("""GenerateModelTypes="true" """), "ModelRegistryResolveModels;_ModelRegistryGenerateModelTypes");

        Assert.Equal(["MRB2113"], outcome.Log.Errors.Select(e => e.Code));
        Assert.False(File.Exists(folder.Combine("obj", "ModelRegistryModelTypes.g.cs")));
    }

    private static ModelSchema Schema(List<SchemaColumn> inputs, List<SchemaColumn> outputs) =>
        new() { Format = ModelSchema.Declared, Inputs = inputs, Outputs = outputs };

    private async Task<VersionInfo> ProductionAsync(string content, ModelSchema? schema)
    {
        var version = await registry.RegisterAsync("FraudDetection", content, schema);
        await registry.PromoteAsync($"FraudDetection@{version.Version}", "Production");
        return version;
    }

    private string Consumer(string metadata, string name = "Service.proj") =>
        folder.Write(name, InProcessBuild.Project($"""
            <PropertyGroup>
              <ModelRegistry>{registry.Path}</ModelRegistry>
              <ModelRegistryCache>{folder.Combine("cache")}</ModelRegistryCache>
              <Language>C#</Language>
            </PropertyGroup>
            <ItemGroup>
              <ModelReference Include="FraudDetection" Version="Production" {metadata}/>
            </ItemGroup>
            """));
}
