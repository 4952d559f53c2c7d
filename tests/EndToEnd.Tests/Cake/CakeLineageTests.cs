using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>A real <c>dotnet cake</c> script reads lineage through the addin: the contract's records, as the CLI prints them.</summary>
[Collection(CakeAddinCollectionDefinition.Name)]
public sealed class CakeLineageTests(CakeAddinFixture fixture)
{
    [Fact]
    public async Task A_script_reads_a_versions_recipe_and_the_versions_trained_on_a_dataset()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-lineage", """
            Task("Default").Does(() =>
            {
                System.IO.Directory.CreateDirectory("out");
                System.IO.Directory.CreateDirectory("data");
                System.IO.File.WriteAllText("out/metrics.json", "{\"auc\": 0.93}");
                System.IO.File.WriteAllBytes("out/model.zip", new byte[] { 1, 2, 3 });
                System.IO.File.WriteAllText("data/train.csv", "1,0\n");
                ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings
                {
                    Registry = "registry",
                    Metrics = "out/metrics.json",
                    Thresholds = { "auc>=0.90" },
                    Data = { "data" },
                });
                ModelRegistryPromote("FraudDetection@1", "Production", new ModelRegistryPromoteSettings { Registry = "registry", ApprovedBy = "alice" });

                VersionLineage lineage = ModelRegistryLineage("FraudDetection@Production", new ModelRegistryLineageSettings { Registry = "registry" });
                DataInput data = lineage.Recipe.Data[0];
                Information("lineage {0} stage {1} data {2} kind {3} files {4} passed {5}", lineage.Reference, lineage.Stage, System.IO.Path.GetFileName(data.Source), data.Kind, data.FileCount, lineage.Evaluation?.Passed);

                DatasetLineage usage = ModelRegistryDatasetLineage("data/train.csv", new ModelRegistryLineageSettings { Registry = "registry", Model = "FraudDetection" });
                Information("dataset in production {0} matched by {1} in {2}", string.Join(", ", usage.InProduction), usage.Versions[0].MatchedBy, usage.Versions[0].MatchedFile);
            });
            """);

        // act
        var result = await script.RunAsync("Default");

        // assert
        result.AssertSuccess();
        Assert.Contains("lineage FraudDetection@1 stage Production data data kind folder files 1 passed True", result.Output, StringComparison.Ordinal);
        Assert.Contains("dataset in production FraudDetection@1 (Production) matched by file-in-folder in train.csv", result.Output, StringComparison.Ordinal);
    }
}
