using EndToEnd.Tests.Infrastructure;
using ModelRegistry;
using ModelRegistry.Policies;
using Xunit;

namespace EndToEnd.Tests.Templates;

/// <summary><c>dotnet new modelregistry-service</c> against a registry filled by a training repository.</summary>
[Collection(TemplatesCollectionDefinition.Name)]
public sealed class ServiceTemplateTests(TemplatesFixture fixture)
{
    [Fact]
    public async Task The_service_resolves_Production_at_build_time_scores_and_follows_the_stage_without_a_redeploy()
    {
        // arrange: two versions trained from the training template, version 1 in Production
        using var folder = fixture.Product.CreateFolder("service");
        var training = await TrainingRepository.CreateAsync(fixture, folder, "Contoso.Fraud");
        (await training.BuildAsync()).AssertSuccess();
        await training.NewDataAsync(rows: 3000, seed: 2);
        (await training.BuildAsync()).AssertSuccess();
        var registry = await Registry.OpenAsync(training.Registry);
        await PromoteAsync(registry, 1);
        var port = ServiceProcess.FreePort();
        (await fixture.NewAsync(folder.Path, "modelregistry-service", "-n", "Contoso.Scoring", "-o", "service", "--registry", "../registry", "--port", $"{port}")).AssertSuccess();
        var service = folder.Combine("service");
        var assembly = Path.Combine(service, "bin", "Debug", "net10.0", "Contoso.Scoring.dll");
        var environment = new Dictionary<string, string?>
        {
            ["ModelRegistryCache"] = folder.Combine("model-cache"),
            ["ModelRegistry__PollInterval"] = "00:00:00.500",
            ["ModelRegistry__Cache"] = folder.Combine("model-cache"),
        };

        // act
        var build = (await fixture.Product.DotNet.RunAsync(service, ["build"], environment)).AssertSuccess();
        var sample = await fixture.Product.DotNet.RunAsync(service, [assembly, "--score-sample"]);
        await using var running = ServiceProcess.Start(assembly, port, environment);
        var before = await running.WaitForVersionAsync(1, TimeSpan.FromSeconds(60));
        var score = await running.ScoreAsync(new { amount = 380, hour = 3, distanceKm = 420, merchantRisk = 0.9, velocity = 7 });
        await PromoteAsync(registry, 2);
        var after = await running.WaitForVersionAsync(2, TimeSpan.FromSeconds(60));

        // assert
        Assert.Contains("FraudDetection@Production resolved to version 1", build.Output, StringComparison.Ordinal);
        Assert.Contains("\"resolved\": 1", File.ReadAllText(Path.Combine(service, "models.lock.json")), StringComparison.Ordinal);
        sample.AssertSuccess();
        Assert.Contains("scored by FraudDetection@1", sample.Output, StringComparison.Ordinal);
        Assert.Equal(1, before);
        Assert.True(score.GetProperty("isFraud").GetBoolean());
        Assert.Equal(1, score.GetProperty("version").GetInt32());
        Assert.Equal(2, after);
        Assert.Contains("now serving FraudDetection@2", running.Log, StringComparison.Ordinal);
    }

    private static async Task PromoteAsync(Registry registry, int version)
    {
        await registry.PromoteAsync(new PromotionRequest { Reference = $"FraudDetection@{version}", Stage = "Staging" });
        await registry.PromoteAsync(new PromotionRequest
        {
            Reference = $"FraudDetection@{version}",
            Stage = "Production",
            Evidence = PromotionEvidence.LocalApproval("template-test"),
        });
    }
}
