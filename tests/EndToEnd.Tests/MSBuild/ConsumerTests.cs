using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.MSBuild;

[Collection(PackagedProductCollectionDefinition.Name)]
public sealed class ConsumerTests(PackagedProductFixture fixture)
{
    private const string TwoReferences = """
        <ModelReference Include="FraudDetection" Version="Production" />
        <ModelReference Include="ChurnPredictor" Version="champion" />
        """;

    private const string PrintModels = """
        System.Console.WriteLine($"{Service.ModelRegistryModels.FraudDetection.Version} {Service.ModelRegistryModels.ChurnPredictor.Version} {Service.ModelRegistryModels.FraudDetection.Path}");
        System.Console.WriteLine(System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, Service.ModelRegistryModels.FraudDetection.Path, "model.bin")));
        """;

    private PackagedProduct Product => fixture.Product;

    [Fact]
    public async Task Two_model_references_are_resolved_pinned_cached_copied_and_a_warm_rebuild_needs_no_registry()
    {
        // arrange
        using var folder = Product.CreateFolder("consume-two");
        var registry = await SeedAsync(folder);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), TwoReferences);
        folder.Write("Program.cs", PrintModels);

        // act
        var first = await Product.DotNet.BuildAsync(folder.Path);
        var lockText = folder.Read("models.lock.json");
        var run = await Product.DotNet.RunAsync(folder.Path, ["bin/Debug/net10.0/Service.dll"]);
        Directory.Move(registry.Path, registry.Path + "-gone");
        var warm = await Product.DotNet.BuildAsync(folder.Path, "-v:n");

        // assert
        first.AssertSuccess();
        Assert.Contains("\"FraudDetection\"", lockText, StringComparison.Ordinal);
        Assert.Contains("\"requested\": \"champion\"", lockText, StringComparison.Ordinal);
        Assert.True(folder.Exists("bin/Debug/net10.0/models/ChurnPredictor/model.bin"));
        Assert.Equal("1 2 models/FraudDetection\nfraud v1\n\n", run.AssertSuccess().StandardOutput);
        warm.AssertSuccess();
        Assert.DoesNotContain("model-registry ", warm.Output, StringComparison.Ordinal);
        Assert.Equal(lockText, folder.Read("models.lock.json"));
    }

    [Fact]
    public async Task Locked_mode_fails_with_a_coded_error_after_the_registry_moved_and_a_normal_build_stays_pinned()
    {
        // arrange
        using var folder = Product.CreateFolder("consume-locked");
        var registry = await SeedAsync(folder);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), TwoReferences);
        folder.Write("Program.cs", PrintModels);
        (await Product.DotNet.BuildAsync(folder.Path)).AssertSuccess();
        var lockText = folder.Read("models.lock.json");
        await MoveProductionAsync(registry);

        // act
        var locked = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryLockedMode=true");
        var normal = await Product.DotNet.BuildAsync(folder.Path);

        // assert
        locked.AssertFailure();
        var error = Assert.Single(TrainingTests.CodedErrors(locked.StandardOutput, "MRB1601"));
        Assert.Contains("FraudDetection@Production is version 1", error, StringComparison.Ordinal);
        Assert.Contains("now resolves it to version 3", error, StringComparison.Ordinal);
        normal.AssertSuccess();
        Assert.Equal(lockText, folder.Read("models.lock.json"));
        Assert.Equal("fraud v1\n", folder.Read("bin/Debug/net10.0/models/FraudDetection/model.bin"));
    }

    [Fact]
    public async Task Refresh_updates_the_lock_and_the_output_and_an_older_lock_brings_the_older_model_back()
    {
        // arrange
        using var folder = Product.CreateFolder("consume-refresh");
        var registry = await SeedAsync(folder);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), TwoReferences);
        folder.Write("Program.cs", PrintModels);
        (await Product.DotNet.BuildAsync(folder.Path)).AssertSuccess();
        var olderLock = folder.Read("models.lock.json");
        await MoveProductionAsync(registry);

        // act
        var refresh = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryRefresh=true");
        var refreshedOutput = folder.Read("bin/Debug/net10.0/models/FraudDetection/model.bin");
        var locked = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryLockedMode=true");
        folder.Write("models.lock.json", olderLock);
        var checkedOut = await Product.DotNet.BuildAsync(folder.Path);

        // assert
        refresh.AssertSuccess();
        Assert.Contains("FraudDetection@Production moved from version 1 to version 3", refresh.Output, StringComparison.Ordinal);
        Assert.Equal("fraud v3\n", refreshedOutput);
        locked.AssertSuccess();
        checkedOut.AssertSuccess();
        Assert.Equal("fraud v1\n", folder.Read("bin/Debug/net10.0/models/FraudDetection/model.bin"));
    }

    [Fact]
    public async Task A_checkout_with_a_lock_file_and_an_empty_cache_pulls_the_pinned_versions()
    {
        // arrange
        using var folder = Product.CreateFolder("consume-cold");
        var registry = await SeedAsync(folder);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), TwoReferences);
        folder.Write("Program.cs", PrintModels);
        (await Product.DotNet.BuildAsync(folder.Path)).AssertSuccess();
        await MoveProductionAsync(registry);
        Directory.Delete(folder.Combine("cache"), recursive: true);
        Directory.Delete(folder.Combine("bin"), recursive: true);

        // act
        var result = await Product.DotNet.BuildAsync(folder.Path, "-v:n");

        // assert
        result.AssertSuccess();
        // One restore process pulls both pinned versions by digest; the moved stage is not asked for.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "model-registry restore "));
        Assert.Contains("Cached FraudDetection version 1 in ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("moved from version", result.Output, StringComparison.Ordinal);
        Assert.Equal("fraud v1\n", folder.Read("bin/Debug/net10.0/models/FraudDetection/model.bin"));
    }

    [Fact]
    public async Task Publish_copies_the_models_and_clean_removes_the_copies()
    {
        // arrange
        using var folder = Product.CreateFolder("consume-publish");
        var registry = await SeedAsync(folder);
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), TwoReferences);
        folder.Write("Program.cs", PrintModels);

        // act
        var publish = await Product.DotNet.PublishAsync(folder.Path, "-c", "Debug", "-o", folder.Combine("published"));
        var clean = await Product.DotNet.CleanAsync(folder.Path, "-c", "Debug");

        // assert
        publish.AssertSuccess();
        Assert.Equal("fraud v1\n", folder.Read("published/models/FraudDetection/model.bin"));
        Assert.True(folder.Exists("published/models/ChurnPredictor/model.bin"));
        clean.AssertSuccess();
        Assert.False(folder.Exists("bin/Debug/net10.0/models/FraudDetection/model.bin"));
        Assert.False(folder.Exists("bin/Debug/net10.0/models/ChurnPredictor/model.bin"));
        Assert.True(folder.Exists("models.lock.json"));
    }

    [Fact]
    public async Task Under_ModelTrust_a_signed_production_model_builds_and_a_promotion_forged_in_storage_fails_the_build()
    {
        // arrange: version 1 signed into Production with the release key; the service trusts only that key
        using var folder = Product.CreateFolder("consume-trusted");
        var registry = new TestRegistry(folder.Combine("registry"));
        using var release = ModelRegistry.Signing.SigningKey.FromPemFile(TestKeys.Write(folder, "release").PrivatePath);
        await registry.RegisterAsync("FraudDetection", "fraud v1\n");
        await registry.RegisterAsync("FraudDetection", "forged\n");
        var engine = await ModelRegistry.Registry.OpenAsync(registry.Path);
        await engine.SignAsync("FraudDetection@1", release, stageMove: false);
        await engine.SignAsync("FraudDetection@2", release, stageMove: false);
        await registry.PromoteAsync("FraudDetection@1", "Production");
        await (await ModelRegistry.Registry.OpenAsync(registry.Path)).SignAsync("FraudDetection@Production", release, stageMove: true);
        File.Delete(folder.Combine("keys", "release.pem"));
        Projects.WriteService(folder, registry.Path, folder.Combine("cache"), """
            <ModelReference Include="FraudDetection" Version="Production" />
            <ModelTrust Include="Production" Require="registration;promotion" Key="keys/release.pub" />
            """);
        folder.Write("Program.cs", """System.Console.Write(System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "models/FraudDetection/model.bin")));""");

        // act: build, then someone with write access to storage (not to the key) moves version 2 into Production
        var signed = await Product.DotNet.BuildAsync(folder.Path);
        var lockText = folder.Read("models.lock.json");
        await registry.PromoteAsync("FraudDetection@2", "Production");
        var forged = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryRefresh=true");
        var locked = await Product.DotNet.BuildAsync(folder.Path, "-p:ModelRegistryLockedMode=true");

        // assert
        signed.AssertSuccess();
        Assert.Contains("\"trust\"", lockText, StringComparison.Ordinal);
        Assert.Contains(release.KeyId, lockText, StringComparison.Ordinal);
        forged.AssertFailure();
        var error = Assert.Single(TrainingTests.CodedErrors(forged.StandardOutput, "MRB2005"));
        Assert.Contains("the move of FraudDetection@2 into Production", error, StringComparison.Ordinal);
        locked.AssertFailure();
        Assert.Single(TrainingTests.CodedErrors(locked.StandardOutput, "MRB2005"));
        Assert.Equal(lockText, folder.Read("models.lock.json"));
        Assert.Equal("fraud v1\n", folder.Read("bin/Debug/net10.0/models/FraudDetection/model.bin"));
    }

    /// <summary>FraudDetection 1 in Production (2 registered but not promoted), ChurnPredictor 2 as champion.</summary>
    private static async Task<TestRegistry> SeedAsync(TempFolder folder)
    {
        var registry = new TestRegistry(folder.Combine("registry"));
        await registry.RegisterAsync("FraudDetection", "fraud v1\n");
        await registry.RegisterAsync("FraudDetection", "fraud v2\n");
        await registry.PromoteAsync("FraudDetection@1", "Production");
        await registry.RegisterAsync("ChurnPredictor", "churn v1\n");
        await registry.RegisterAsync("ChurnPredictor", "churn v2\n");
        await registry.SetAliasAsync("ChurnPredictor@2", "champion");
        return registry;
    }

    private static async Task MoveProductionAsync(TestRegistry registry)
    {
        await registry.RegisterAsync("FraudDetection", "fraud v3\n");
        await registry.PromoteAsync("FraudDetection@3", "Production");
    }
}
