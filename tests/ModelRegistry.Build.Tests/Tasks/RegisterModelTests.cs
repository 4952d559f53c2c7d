using ModelRegistry.Build.Tasks;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Tasks;

/// <summary>The registration task against a real folder registry and the real tool.</summary>
public sealed class RegisterModelTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeBuildEngine engine = new();
    private readonly SeededRegistry registry;

    public RegisterModelTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
        folder.Write("out/model.bin", "weights");
        folder.Write("out/metrics.json", """{ "auc": 0.93, "latency_ms": 80 }""");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_passing_model_is_registered_reported_as_an_item_and_stamped()
    {
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.Thresholds = [Item("auc", ("Minimum", "0.9"))];

        Assert.True(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        var registered = Assert.Single(task.RegisteredModels);
        Assert.Equal(("FraudDetection", "1"), (registered.ItemSpec, registered.GetMetadata("Version")));
        Assert.Single(await registry.VersionsAsync("FraudDetection"));
        Assert.Contains(registered.GetMetadata("Digest"), File.ReadAllText(folder.Combine("obj/registered.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_failed_rule_is_one_MRB1203_error_on_the_project_and_nothing_is_registered()
    {
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.Thresholds = [Item("auc", ("Minimum", "0.95")), Item("latency_ms", ("Maximum", "50"))];

        Assert.False(task.Execute());

        Assert.Equal(["MRB1203", "MRB1203"], engine.ErrorCodes);
        Assert.All(engine.Errors, e => Assert.Equal("/project/Test.csproj", e.File));
        Assert.Contains(engine.Errors, e => e.Message!.Contains("latency_ms<=50", StringComparison.Ordinal) && e.Message.Contains("missed by 30", StringComparison.Ordinal));
        Assert.Empty(await registry.VersionsAsync("FraudDetection"));
        Assert.False(File.Exists(folder.Combine("obj/registered.json")));
    }

    [Fact]
    public async Task With_ThresholdFailure_Warning_a_failed_rule_is_a_warning_and_still_nothing_is_registered()
    {
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.Thresholds = [Item("auc", ("Minimum", "0.95"))];
        task.ThresholdFailure = "Warning";

        Assert.True(task.Execute());

        Assert.Single(engine.WarningCodes, c => c == "MRB1203");
        Assert.Empty(engine.Errors);
        Assert.Empty(await registry.VersionsAsync("FraudDetection"));
    }

    [Fact]
    public async Task Metrics_and_thresholds_scoped_by_Model_apply_to_their_model_only()
    {
        folder.Write("out/churn.bin", "churn");
        folder.Write("out/churn.json", """{ "auc": 0.7 }""");
        var task = Task(
            Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")),
            Item(folder.Combine("out/churn.bin"), ("Model", "Churn")));
        task.Metrics = [Item(folder.Combine("out/metrics.json"), ("Model", "FraudDetection")), Item(folder.Combine("out/churn.json"), ("Model", "Churn"))];
        task.Thresholds = [Item("auc", ("Minimum", "0.9"), ("Model", "FraudDetection")), Item("auc", ("Minimum", "0.6"), ("Model", "Churn"))];

        Assert.True(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        Assert.Equal(["FraudDetection", "Churn"], task.RegisteredModels.Select(m => m.ItemSpec));
        Assert.Single(await registry.VersionsAsync("Churn"));
    }

    [Fact]
    public async Task Training_data_and_configuration_reach_the_recipe_and_lineage_warnings_reach_the_build()
    {
        folder.Write("data/train.csv", "a,b\n1,2\n");
        folder.Write("train.json", """{ "learningRate": 0.1 }""");
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.TrainingData = [Item(folder.Combine("data"))];
        task.TrainingConfig = [Item(folder.Combine("train.json"))];

        Assert.True(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        var digest = Assert.Single(task.RegisteredModels).GetMetadata("Digest");
        var record = await (await Registry.OpenAsync(registry.Path)).ReadRecordAsync("FraudDetection", digest);
        Assert.Single(record.Recipe.Data);
        Assert.Single(record.Recipe.Config);
        Assert.Contains("MRB1551", engine.WarningCodes);
    }

    [Fact]
    public async Task A_threshold_relative_to_Production_compares_with_the_Production_version()
    {
        Assert.True(Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection"))).Execute());
        await registry.PromoteAsync("FraudDetection@1", "Production");
        folder.Write("out/model.bin", "weights, retrained");
        folder.Write("out/metrics.json", """{ "auc": 0.80 }""");
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.Thresholds = [Item("auc", ("RelativeTo", "Production"), ("Tolerance", "0.05"))];

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("MRB1203", error.Code);
        Assert.Contains("auc>=Production-0.05", error.Message, StringComparison.Ordinal);
        Assert.Single(await registry.VersionsAsync("FraudDetection"));
    }

    [Fact]
    public void An_artifact_without_Model_metadata_is_MRB1606() =>
        AssertRefused(Task(Item(folder.Combine("out/model.bin"))), "MRB1606");

    [Fact]
    public void Two_metrics_files_for_one_model_are_MRB1608()
    {
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.Metrics = [Item(folder.Combine("out/metrics.json")), Item(folder.Combine("out/other.json"))];

        AssertRefused(task, "MRB1608");
    }

    [Fact]
    public void An_unknown_ThresholdFailure_is_MRB1609()
    {
        var task = Task(Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection")));
        task.ThresholdFailure = "Ignore";

        AssertRefused(task, "MRB1609");
    }

    [Fact]
    public void A_missing_artifact_relays_the_tool_error()
    {
        var task = Task(Item(folder.Combine("out/missing.bin"), ("Model", "FraudDetection")));

        Assert.False(task.Execute());

        Assert.Equal(["MRB1010"], engine.ErrorCodes);
    }

    private void AssertRefused(RegisterModel task, string code)
    {
        Assert.False(task.Execute());
        Assert.Equal([code], engine.ErrorCodes);
        Assert.False(Directory.Exists(registry.Path));
    }

    private RegisterModel Task(params Microsoft.Build.Framework.ITaskItem[] artifacts) => new()
    {
        BuildEngine = engine,
        Artifacts = artifacts,
        Metrics = [Item(folder.Combine("out/metrics.json"))],
        Registry = registry.Path,
        StampFile = folder.Combine("obj/registered.json"),
        CliPath = ProductPaths.Cli,
        ProjectDirectory = folder.Path,
        ProjectFile = "/project/Test.csproj",
    };
}
