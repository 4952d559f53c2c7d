using ModelRegistry.Build.Tests.Infrastructure;
using ModelRegistry.Runtime;
using ModelRegistry.Signing;
using ModelRegistry.TestSupport;
using Xunit;

namespace ModelRegistry.Build.Tests.Targets;

/// <summary>
/// A consuming project's trust policy, from ModelTrust items, through the real targets and the real tool: a forged
/// promotion fails the build, a signed one restores, and the lock's recorded verification keeps the next build
/// free of any process.
/// </summary>
[Collection(TargetsCollectionDefinition.Name)]
public sealed class TrustTargetsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SeededRegistry registry;
    private readonly SigningKey release;

    public TrustTargetsTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
        release = SigningKey.FromPemFile(TestKeys.Write(folder, "release").PrivatePath);
    }

    public void Dispose()
    {
        release.Dispose();
        folder.Dispose();
    }

    private const string ProductionTrust = """<ModelTrust Include="Production" Require="registration;promotion" Key="keys/release.pub" />""";

    [Fact]
    public async Task A_signed_production_version_restores_records_its_keys_and_the_next_build_starts_no_tool()
    {
        // arrange
        await SignedProductionAsync("FraudDetection@1");
        var project = Consumer(ProductionTrust);

        // act
        var first = InProcessBuild.Run(project, "ModelRegistryResolveModels");
        var second = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        // assert
        Assert.True(first.Succeeded, first.ToString());
        var trust = ModelLockFile.Read(folder.Combine("models.lock.json"))!.Models.Single().Trust!;
        Assert.Equal(TrustPolicyFingerprint.Of(folder.Combine("obj", "model-registry.trust.json")), trust.Policy);
        Assert.Equal([release.KeyId, release.KeyId], trust.Signatures.Select(s => s.KeyId));
        Assert.True(second.Succeeded, second.ToString());
        Assert.DoesNotContain("_ModelRegistryRestore", second.Log.TargetsRun);
        Assert.Equal("1", Assert.Single(second.Items("ResolvedModelReference")).GetMetadataValue("ResolvedVersion"));
    }

    [Fact]
    public async Task A_promotion_forged_in_storage_fails_the_build_naming_the_unsigned_move_and_changes_nothing()
    {
        // arrange: version 1 was signed into Production; someone with storage access moves version 2 there unsigned
        await SignedProductionAsync("FraudDetection@1");
        var project = Consumer(ProductionTrust);
        Assert.True(InProcessBuild.Run(project, "ModelRegistryResolveModels").Succeeded);
        var lockBefore = File.ReadAllText(folder.Combine("models.lock.json"));
        var cache = new ModelCacheFolder(folder.Combine("cache"));
        var forged = await registry.RegisterAsync("FraudDetection", "forged");
        await (await Registry.OpenAsync(registry.Path)).SignAsync("FraudDetection@2", release, stageMove: false);
        await registry.PromoteAsync("FraudDetection@2", "Production");

        // act
        var refreshed = InProcessBuild.Run(project, "ModelRegistryResolveModels", new Dictionary<string, string> { ["ModelRegistryRefresh"] = "true" });
        var lockAfterRefresh = File.ReadAllText(folder.Combine("models.lock.json"));
        File.Delete(folder.Combine("models.lock.json"));
        var fresh = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        // assert
        Assert.False(refreshed.Succeeded);
        var error = Assert.Single(refreshed.Log.Errors);
        Assert.Equal("MRB2005", error.Code);
        Assert.Contains("into Production", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not signed by a trusted key", error.Message, StringComparison.Ordinal);
        Assert.Equal(["MRB2005"], fresh.Log.Errors.Select(e => e.Code));
        Assert.Equal(lockBefore, lockAfterRefresh);
        Assert.False(File.Exists(folder.Combine("models.lock.json")));
        Assert.False(cache.Holds(forged.Digest, forged.Files));
    }

    [Fact]
    public async Task A_promotion_signed_by_a_key_the_project_does_not_trust_fails_the_build()
    {
        // arrange
        var (otherPrivate, _) = TestKeys.Write(folder, "other");
        using var other = SigningKey.FromPemFile(otherPrivate);
        await registry.RegisterAsync("FraudDetection", "v1");
        var seeded = await Registry.OpenAsync(registry.Path);
        await seeded.SignAsync("FraudDetection@1", other, stageMove: false);
        await registry.PromoteAsync("FraudDetection@1", "Production");
        await (await Registry.OpenAsync(registry.Path)).SignAsync("FraudDetection@Production", other, stageMove: true);

        // act
        var outcome = InProcessBuild.Run(Consumer(ProductionTrust), "ModelRegistryResolveModels");

        // assert
        Assert.Equal(["MRB2005"], outcome.Log.Errors.Select(e => e.Code));
        Assert.Contains("its key is not trusted by the policy", outcome.Log.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_trust_items_makes_the_next_build_verify_again()
    {
        // arrange
        await SignedProductionAsync("FraudDetection@1");
        Assert.True(InProcessBuild.Run(Consumer(ProductionTrust), "ModelRegistryResolveModels").Succeeded);

        // act: the key is retired before anything was signed (another project file: MSBuild caches a file it read)
        var project = Consumer(ProductionTrust + """<ModelTrustedKey Include="keys/release.pub" NotAfter="2001-01-01T00:00:00Z" />""", "Retired.proj");
        var outcome = InProcessBuild.Run(project, "ModelRegistryResolveModels");

        // assert
        Assert.Contains(outcome.Log.Messages, m => m.Contains(": model-registry restore ", StringComparison.Ordinal));
        Assert.False(outcome.Succeeded);
        Assert.Equal("MRB2005", outcome.Log.Errors[0].Code);
        Assert.Contains("key keys/release.pub (", outcome.Log.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("was retired at", outcome.Log.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<ModelTrust Include="Production" Key="keys/release.pub" />""", "no Require metadata")]
    [InlineData("""<ModelTrust Include="Production" Require="registration" Key="keys/missing.pub" />""", "does not exist")]
    [InlineData("""<ModelTrustedKey Include="keys/release.pub" />""", "no ModelTrust item")]
    [InlineData("""<ModelTrust Include="Production" Require="registration" Key="keys/release.pub" /><ModelTrustedKey Include="keys/release.pub" NotAfter="soon" />""", "not a time")]
    public async Task Invalid_trust_items_fail_the_build_with_MRB1620_before_any_tool_runs(string items, string why)
    {
        await registry.RegisterAsync("FraudDetection", "v1");

        var outcome = InProcessBuild.Run(Consumer(items), "ModelRegistryResolveModels");

        Assert.Equal(["MRB1620"], outcome.Log.Errors.Select(e => e.Code));
        Assert.Contains(why, outcome.Log.Errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("_ModelRegistryRestore", outcome.Log.TargetsRun);
    }

    [Fact]
    public async Task A_trust_file_and_trust_items_together_are_refused()
    {
        await SignedProductionAsync("FraudDetection@1");
        folder.Write("trust.json", """{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": ["registration"] } }""");

        var outcome = InProcessBuild.Run(Consumer(ProductionTrust), "ModelRegistryResolveModels", new Dictionary<string, string> { ["ModelRegistryTrustFile"] = "trust.json" });

        Assert.Equal(["MRB1620"], outcome.Log.Errors.Select(e => e.Code));
    }

    private async Task SignedProductionAsync(string reference)
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        await (await Registry.OpenAsync(registry.Path)).SignAsync(reference, release, stageMove: false);
        await registry.PromoteAsync(reference, "Production");
        await (await Registry.OpenAsync(registry.Path)).SignAsync("FraudDetection@Production", release, stageMove: true);
    }

    private string Consumer(string trust, string name = "Service.proj") =>
        folder.Write(name, InProcessBuild.Project($"""
            <PropertyGroup>
              <ModelRegistry>{registry.Path}</ModelRegistry>
              <ModelRegistryCache>{folder.Combine("cache")}</ModelRegistryCache>
            </PropertyGroup>
            <ItemGroup>
              <ModelReference Include="FraudDetection" Version="Production" />
              {trust}
            </ItemGroup>
            """));
}
