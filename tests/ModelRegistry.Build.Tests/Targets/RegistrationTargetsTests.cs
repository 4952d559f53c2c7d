using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Build.Tests.Targets;

[Collection(TargetsCollectionDefinition.Name)]
public sealed class RegistrationTargetsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SeededRegistry registry;

    public RegistrationTargetsTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
        folder.Write("out/model.bin", "weights");
        folder.Write("out/metrics.json", """{ "auc": 0.93 }""");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_registration_sets_ModelRegistryVersion_ModelRegistryDigest_and_RegisteredModel()
    {
        var project = Training("""<MetricThreshold Include="auc" Minimum="0.9" />""");

        var outcome = InProcessBuild.Run(project, "Build");

        Assert.True(outcome.Succeeded, outcome.ToString());
        var version = Assert.Single(await registry.VersionsAsync("FraudDetection"));
        Assert.Equal(("1", version.Digest), (outcome.Property("ModelRegistryVersion"), outcome.Property("ModelRegistryDigest")));
        var item = Assert.Single(outcome.Items("RegisteredModel"));
        Assert.Equal(("FraudDetection", "1"), (item.EvaluatedInclude, item.GetMetadataValue("Version")));
    }

    [Fact]
    public void A_skipped_registration_still_sets_the_outputs_from_the_stamp()
    {
        var project = Training("");
        Assert.True(InProcessBuild.Run(project, "Build").Succeeded);

        var again = InProcessBuild.Run(project, "Build");

        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain(again.Log.Messages, m => m.Contains(": model-registry register", StringComparison.Ordinal));
        Assert.Equal("1", again.Property("ModelRegistryVersion"));
    }

    [Fact]
    public async Task A_model_replaced_by_a_file_with_an_older_timestamp_registers_again()
    {
        var project = Training("");
        Assert.True(InProcessBuild.Run(project, "Build").Succeeded);

        folder.Write("out/model.bin", "weights restored from an archive");
        File.SetLastWriteTimeUtc(folder.Combine("out/model.bin"), DateTime.UtcNow.AddDays(-30));
        var outcome = InProcessBuild.Run(project, "Build");

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Equal("2", outcome.Property("ModelRegistryVersion"));
        Assert.Equal(2, (await registry.VersionsAsync("FraudDetection")).Count);
    }

    [Fact]
    public void A_changed_setting_registers_again()
    {
        var project = Training("");
        Assert.True(InProcessBuild.Run(project, "Build").Succeeded);

        var relabelled = InProcessBuild.Run(project, "Build", new Dictionary<string, string> { ["ModelRegistryTags"] = "team=fraud" });

        Assert.True(relabelled.Succeeded, relabelled.ToString());
        Assert.Contains(relabelled.Log.Messages, m => m.Contains(": model-registry register FraudDetection", StringComparison.Ordinal) && m.Contains("--tag team=fraud", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recipe_records_the_training_command_the_named_variables_and_the_container_image()
    {
        System.Environment.SetEnvironmentVariable("TRAINING_SEED_OF_BUILD_TESTS", "42");
        var project = Training("", """
            <PropertyGroup>
              <ModelRegistryTrainingCommand>dotnet run --project Trainer</ModelRegistryTrainingCommand>
              <ModelRegistryRecordedVariables>TRAINING_SEED_OF_BUILD_TESTS</ModelRegistryRecordedVariables>
              <ModelRegistryContainerImage>trainer@sha256:0123</ModelRegistryContainerImage>
            </PropertyGroup>
            """);

        var outcome = InProcessBuild.Run(project, "Build");

        Assert.True(outcome.Succeeded, outcome.ToString());
        var version = Assert.Single(await registry.VersionsAsync("FraudDetection"));
        var recipe = (await (await Registry.OpenAsync(registry.Path)).ReadRecordAsync(version.Model, version.Digest)).Recipe!;
        Assert.Equal("dotnet run --project Trainer", recipe.Command);
        Assert.Equal("42", recipe.Environment!.Variables["TRAINING_SEED_OF_BUILD_TESTS"]);
        Assert.Equal("trainer@sha256:0123", recipe.Environment.ContainerImage);
    }

    [Fact]
    public async Task ModelRegistrySchemaFile_declares_the_schema_relative_to_the_project_and_a_changed_one_registers_again()
    {
        folder.Write("schema/fraud.json", Schema("bool"));
        var project = Training("", "<PropertyGroup><ModelRegistrySchemaFile>schema/fraud.json</ModelRegistrySchemaFile></PropertyGroup>");
        var first = InProcessBuild.Run(project, "Build");
        File.SetLastWriteTimeUtc(folder.Combine("obj", "modelregistry", "registered.json"), DateTime.UtcNow.AddMinutes(-5));

        folder.Write("schema/fraud.json", Schema("int64"));
        var second = InProcessBuild.Run(project, "Build");

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(second.Succeeded, second.ToString());
        Assert.Contains(first.Log.Messages, m => m.Contains($"--schema {folder.Combine("schema", "fraud.json")}", StringComparison.Ordinal));
        var versions = await registry.VersionsAsync("FraudDetection");
        Assert.Equal(["bool", "int64"], versions.Select(v => v.Schema!.Inputs.Single(c => c.Name == "mask").Type));
        Assert.All(versions, v => Assert.Equal(Schemas.ModelSchema.Declared, v.Schema!.Format));
    }

    [Fact]
    public async Task A_changed_training_data_file_registers_a_new_version()
    {
        folder.Write("data/train.csv", "a,b\n1,2\n");
        var project = Training("""<TrainingData Include="data" />""");
        Assert.True(InProcessBuild.Run(project, "Build").Succeeded);
        File.SetLastWriteTimeUtc(folder.Combine("obj", "modelregistry", "registered.json"), DateTime.UtcNow.AddMinutes(-5));

        folder.Write("data/train.csv", "a,b\n1,2\n3,4\n");
        var outcome = InProcessBuild.Run(project, "Build");

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Equal("2", outcome.Property("ModelRegistryVersion"));
        Assert.Equal(2, (await registry.VersionsAsync("FraudDetection")).Count);
    }

    [Fact]
    public void No_signature_in_a_registry_or_data_URL_is_written_to_the_registration_inputs_file()
    {
        var project = Training("""<TrainingData Include="https://account.blob.core.windows.net/data/train.csv?sv=2024&amp;sig=SECRET" />""");

        var outcome = InProcessBuild.Run(project, "_ModelRegistryCollectRegistrationInputs", new Dictionary<string, string>
        {
            ["ModelRegistry"] = "https://account.blob.core.windows.net/models?sv=2024&sig=SECRET",
        });

        Assert.True(outcome.Succeeded, outcome.ToString());
        var inputs = File.ReadAllText(folder.Combine("obj", "modelregistry", "register.inputs"));
        Assert.Contains("data=", inputs, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ThresholdFailure_Warning_the_build_succeeds_with_a_coded_warning_and_nothing_registered()
    {
        var project = Training("""<MetricThreshold Include="auc" Minimum="0.99" />""");

        var outcome = InProcessBuild.Run(project, "Build", new Dictionary<string, string> { ["ModelRegistryThresholdFailure"] = "Warning" });

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Single(outcome.Log.Warnings, w => w.Code == "MRB1203");
        Assert.False(Directory.Exists(registry.Path));
        Assert.Equal("", outcome.Property("ModelRegistryVersion"));
    }

    [Theory]
    [InlineData("DesignTimeBuild")]
    [InlineData("ModelRegistrySkip")]
    public void A_design_time_build_or_ModelRegistrySkip_does_nothing(string property)
    {
        var project = Training("""<MetricThreshold Include="auc" Minimum="0.9" />""");

        var outcome = InProcessBuild.Run(project, "Build", new Dictionary<string, string> { [property] = "true" });

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.DoesNotContain("ModelRegistryRegister", outcome.Log.TargetsRun);
        Assert.False(Directory.Exists(registry.Path));
        Assert.False(Directory.Exists(folder.Combine("obj", "modelregistry")));
    }

    [Fact]
    public void Registration_follows_ModelRegistryRegisterAfterTargets()
    {
        var project = Training("", """
            <PropertyGroup><ModelRegistryRegisterAfterTargets>Train</ModelRegistryRegisterAfterTargets></PropertyGroup>
            <Target Name="Train"><Message Importance="high" Text="training" /></Target>
            """);

        var build = InProcessBuild.Run(project, "Build");
        var train = InProcessBuild.Run(project, "Train");

        Assert.DoesNotContain("ModelRegistryRegister", build.Log.TargetsRun);
        Assert.True(train.Succeeded, train.ToString());
        Assert.Contains("ModelRegistryRegister", train.Log.TargetsRun);
    }

    private static string Schema(string maskType) =>
        $$"""{ "inputs": [{ "name": "mask", "type": "{{maskType}}", "shape": [-1] }], "outputs": [{ "name": "score", "type": "float" }] }""";

    private string Training(string items, string extra = "") =>
        folder.Write("Training.proj", InProcessBuild.Project($"""
            <PropertyGroup>
              <ModelRegistry>{registry.Path}</ModelRegistry>
            </PropertyGroup>
            <ItemGroup>
              <ModelArtifact Include="out/model.bin" Model="FraudDetection" />
              <ModelMetrics Include="out/metrics.json" />
              {items}
            </ItemGroup>
            {extra}
            """));
}
