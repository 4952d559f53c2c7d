using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class MultiTargetingTests(PackagedProductFixture fixture)
{
    // net9.0 beside net10.0: its reference pack comes from the feed once and stays in the run's packages folder.
    private const string Frameworks = "net10.0;net9.0";

    private PackagedProduct Product => fixture.Product;

    [Fact]
    public async Task A_multi_targeted_training_project_registers_once_and_a_multi_targeted_service_gets_the_model_in_every_output()
    {
        // arrange
        using var training = Product.CreateFolder("multi-train");
        using var service = Product.CreateFolder("multi-service");
        var registry = new TestRegistry(training.Combine("registry"));
        Projects.WriteTraining(training, registry.Path, targetFrameworks: Frameworks, items: """<MetricThreshold Include="auc" Minimum="0.90" />""");
        training.Write("metrics.json", """{ "auc": 0.95 }""");
        Projects.WriteService(service, registry.Path, service.Combine("cache"), """<ModelReference Include="FraudDetection" />""", Frameworks);
        service.Write("Program.cs", "System.Console.WriteLine(Service.ModelRegistryModels.FraudDetection.Version);\n");

        // act
        var trained = await Product.DotNet.BuildAsync(training.Path, "-v:n");
        var built = await Product.DotNet.BuildAsync(service.Path, "-v:n");

        // assert
        trained.AssertSuccess();
        Assert.Single(await registry.VersionsAsync("FraudDetection"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(trained.Output, "model-registry register "));
        built.AssertSuccess();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(built.Output, "model-registry restore "));
        Assert.Equal("weights v1\n", service.Read("bin/Debug/net10.0/models/FraudDetection/model.bin"));
        Assert.Equal("weights v1\n", service.Read("bin/Debug/net9.0/models/FraudDetection/model.bin"));
    }
}
