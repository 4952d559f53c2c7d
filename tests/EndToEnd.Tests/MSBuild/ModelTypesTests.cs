using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

/// <summary>A service that scores a real ML.NET model through the classes GenerateModelTypes writes from the locked
/// schema, and whose schema pin stops a build when Production's schema changes under it; without the pin, the renamed
/// column is a compile error.</summary>
[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class ModelTypesTests(PackagedProductFixture fixture)
{
    private PackagedProduct Product => fixture.Product;

    [Fact]
    public async Task A_service_scores_with_the_generated_classes_and_its_schema_pin_fails_the_build_when_production_breaks_it()
    {
        // arrange: a trained ML.NET model in Production; the service pins the schema it was written against
        using var folder = Product.CreateFolder("consume-typed");
        var registry = new TestRegistry(folder.Combine("registry"));
        FraudModel.Train(folder.Combine("training", "v1", "model.zip"));
        await registry.RegisterModelAsync("FraudDetection", folder.Combine("training", "v1", "model.zip"));
        await registry.PromoteAsync("FraudDetection@1", "Production");
        folder.Write("schemas/fraud.json", FraudModel.Schema);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), """
            <PackageReference Include="Microsoft.ML" Version="5.0.1" />
            <ModelReference Include="FraudDetection" Version="Production" Schema="schemas/fraud.json" GenerateModelTypes="true" />
            """);
        folder.Write("Program.cs", """
            using Microsoft.ML;
            using ModelRegistry.Models.FraudDetection;

            var ml = new MLContext(seed: 1);
            var model = ml.Model.Load(System.IO.Path.Combine(System.AppContext.BaseDirectory, Service.ModelRegistryModels.FraudDetection.Path, "model.zip"), out _);
            using var engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);
            var night = engine.Predict(new ModelInput { Amount = 900, Hour = 2, Velocity = 8 });
            var day = engine.Predict(new ModelInput { Amount = 40, Hour = 14, Velocity = 1 });
            System.Console.WriteLine($"{night.PredictedLabel} {day.PredictedLabel} {night.Probability > 0.5f} {day.Probability < 0.5f}");
            """);

        // act: build and score; then version 2, which renamed Velocity, reaches Production; then the pin is removed
        var built = await Product.DotNet.BuildAsync(folder.Path);
        var scored = await Product.DotNet.RunAsync(folder.Path, ["bin/Debug/net10.0/Service.dll"]);
        var lockText = folder.Read("models.lock.json");
        FraudModel.Train(folder.Combine("training", "v2", "model.zip"), velocityColumn: "PurchasesPerHour");
        await registry.RegisterModelAsync("FraudDetection", folder.Combine("training", "v2", "model.zip"));
        await registry.PromoteAsync("FraudDetection@2", "Production");
        var refreshed = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryRefresh=true");
        var lockAfterRefresh = folder.Read("models.lock.json");
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), """
            <PackageReference Include="Microsoft.ML" Version="5.0.1" />
            <ModelReference Include="FraudDetection" Version="Production" GenerateModelTypes="true" />
            """);
        var unpinned = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryRefresh=true");

        // assert
        built.AssertSuccess();
        Assert.Contains("namespace ModelRegistry.Models.FraudDetection", folder.Read("obj/Debug/net10.0/ModelRegistryModelTypes.g.cs"), StringComparison.Ordinal);
        Assert.Equal("True False True True\n", scored.AssertSuccess().StandardOutput);
        refreshed.AssertFailure();
        var error = Assert.Single(TrainingTests.CodedErrors(refreshed.StandardOutput, "MRB2110"));
        Assert.Contains("input Velocity: removed; input PurchasesPerHour: added", error, StringComparison.Ordinal);
        Assert.Equal(lockText, lockAfterRefresh);
        unpinned.AssertFailure();
        Assert.Contains("error CS0117: 'ModelInput' does not contain a definition for 'Velocity'", unpinned.StandardOutput, StringComparison.Ordinal);
    }
}
