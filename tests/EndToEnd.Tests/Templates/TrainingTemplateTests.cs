using EndToEnd.Tests.Infrastructure;
using ModelRegistry;
using Xunit;

namespace EndToEnd.Tests.Templates;

/// <summary><c>dotnet new modelregistry-training</c>, then the repository's own build and Cake script, as a user runs them.</summary>
[Collection(TemplatesCollectionDefinition.Name)]
public sealed class TrainingTemplateTests(TemplatesFixture fixture)
{
    [Fact]
    public async Task The_build_trains_and_registers_with_lineage_and_registers_again_only_when_the_data_changes()
    {
        // arrange
        using var folder = fixture.Product.CreateFolder("training-build");
        var repository = await TrainingRepository.CreateAsync(fixture, folder, "Contoso.Fraud", "--model-name", "CardFraud", "--min-auc", "0.9");

        // act
        var first = await repository.BuildAsync();
        var unchanged = await repository.BuildAsync();
        await repository.NewDataAsync(rows: 3000, seed: 2);
        var second = await repository.BuildAsync();

        // assert
        first.AssertSuccess();
        unchanged.AssertSuccess();
        second.AssertSuccess();
        var registry = await Registry.OpenAsync(repository.Registry);
        var versions = await registry.ListVersionsAsync("CardFraud");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.True(v.Metrics["auc"] >= 0.9, $"auc {v.Metrics["auc"]}"));
        var v1 = await registry.ReadRecordAsync("CardFraud", versions[0].Digest);
        var v2 = await registry.ReadRecordAsync("CardFraud", versions[1].Digest);
        Assert.EndsWith("data", Assert.Single(v1.Recipe.Data).Source.TrimEnd('/'), StringComparison.Ordinal);
        Assert.NotEqual(v1.Recipe.Data[0].Digest, Assert.Single(v2.Recipe.Data).Digest);
        Assert.EndsWith("training.json", Assert.Single(v2.Recipe.Config).Path, StringComparison.Ordinal);
        Assert.True(v2.Recipe.Code?.IsRepository);
        Assert.NotEqual(v1.Recipe.Code?.Commit, v2.Recipe.Code?.Commit);

        // The retention policy the repository starts with plans cleanly and keeps both versions.
        var policy = ModelRegistry.Retention.RetentionFile.Read(System.IO.Path.Combine(repository.Path, "model-registry", "retention.json"));
        var plan = Assert.Single((await registry.CollectGarbageAsync(new GcRequest { Policy = policy.ToRevision() })).Models);
        Assert.Equal("--keep-last 10 --keep-labelled --keep-production-for 90d", plan.Policy);
        Assert.Empty(plan.Purge);
    }

    [Fact]
    public async Task A_threshold_the_model_cannot_meet_fails_the_build_with_its_code_and_registers_nothing()
    {
        // arrange
        using var folder = fixture.Product.CreateFolder("training-gate");
        var repository = await TrainingRepository.CreateAsync(fixture, folder, "Contoso.Gated", "--min-auc", "0.9999");

        // act
        var build = await repository.BuildAsync();

        // assert
        build.AssertFailure();
        Assert.Contains("MRB1203", build.Output, StringComparison.Ordinal);
        Assert.Contains("auc>=0.9999", build.Output, StringComparison.Ordinal);
        var registry = await Registry.OpenAsync(repository.Registry);
        Assert.DoesNotContain("FraudDetection", await registry.ListModelsAsync());
    }

    [Fact]
    public async Task The_build_cake_trains_evaluates_registers_and_promotes_with_the_addin()
    {
        // arrange
        using var folder = fixture.Product.CreateFolder("training-cake");
        var repository = await TrainingRepository.CreateAsync(fixture, folder, "Contoso.Cake");

        // act
        var register = await repository.CakeAsync("Register");
        var staging = await repository.CakeAsync("Promote", "--model-version=1", "--stage=Staging");
        var unapproved = await repository.CakeAsync("Promote", "--model-version=1", "--stage=Production");
        var production = await repository.CakeAsync("Promote", "--model-version=1", "--stage=Production", "--approved-by=alice", "--reason=first model");

        // assert
        register.AssertSuccess();
        Assert.Contains("Registered FraudDetection@1", register.Output, StringComparison.Ordinal);
        Assert.Contains("auc>=0.9 ", register.Output, StringComparison.Ordinal);
        staging.AssertSuccess();
        unapproved.AssertFailure();
        Assert.Contains("MRB1301", unapproved.Output, StringComparison.Ordinal);
        production.AssertSuccess();
        var resolved = await (await Registry.OpenAsync(repository.Registry)).ResolveAsync("FraudDetection@Production");
        Assert.Equal(1, resolved.Version);
        var record = await (await Registry.OpenAsync(repository.Registry)).ReadRecordAsync("FraudDetection", resolved.Digest);
        Assert.Equal("dotnet cake --target=Register", record.Recipe.Command);
        Assert.Single(record.Recipe.Data);
    }
}
