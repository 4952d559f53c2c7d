using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>A first registration killed after it named its model but before its commit leaves the model's index entry
/// behind (gc keeps it: a later registration of the model may reuse it). The model has no version: it is not listed, and questions
/// across all models still answer.</summary>
public sealed class InterruptedFirstRegistrationTests : Scenario
{
    private void LeaveGhost() =>
        File.WriteAllText(Path.Combine(Registry, RegistryPaths.ModelEntry("ghost")), """{"model":"Ghost","created":"2026-11-29T00:00:00+00:00"}""");

    [Fact]
    public async Task A_model_whose_first_registration_never_committed_is_not_listed()
    {
        await RegisterAsync("FraudDetection", "v1");
        LeaveGhost();

        var (result, document) = await Json("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["FraudDetection"], document.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task A_dataset_question_across_models_still_answers()
    {
        Temp.WriteFile("train.csv", "a,b\n1,2\n"u8.ToArray());
        Temp.WriteFile("model.bin", [1, 2, 3]);
        var (registered, _) = await Json("register", "FraudDetection", "model.bin", "--data", "train.csv");
        Assert.True(registered.ExitCode == 0, registered.Stderr);
        LeaveGhost();

        var (result, document) = await Json("lineage", "--dataset", "train.csv");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(1, Assert.Single(document.GetProperty("versions").EnumerateArray()).GetProperty("version").GetInt32());
    }
}
