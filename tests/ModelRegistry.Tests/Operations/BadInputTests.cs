using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>Every bad input gets a coded error and leaves the registry folder exactly as it was.</summary>
public class BadInputTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static Task<RegistrationResult> Register(Registry registry, string model, params string[] artifacts) =>
        registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = artifacts });

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("trailing.")]
    [InlineData("..")]
    public async Task Invalid_model_names_are_refused_on_a_new_and_on_an_existing_registry(string name)
    {
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1001", harness.Root, async () => await Register(await harness.OpenAsync(), name, artifact));
        await harness.RegisterAsync(await harness.OpenAsync(), "Existing", "w0");
        await Refusal.ExpectAsync("MRB1001", harness.Root, async () => await Register(await harness.OpenAsync(), name, artifact));
        Assert.False(File.Exists(harness.Temp.Combine("x")));
    }

    [Fact]
    public async Task A_200_character_name_is_refused()
    {
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1001", harness.Root, async () => await Register(await harness.OpenAsync(), new string('n', 200), artifact));
    }

    [Fact]
    public async Task Artifact_path_that_does_not_exist_is_refused()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "w0");
        var real = harness.Artifact("real.bin", "w");

        var error = await Refusal.ExpectAsync("MRB1010", harness.Root, () => Register(registry, "M", real, harness.Temp.Combine("work", "missing.bin")));

        Assert.Contains("missing.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artifact_path_on_a_fresh_location_creates_nothing()
    {
        await Refusal.ExpectAsync("MRB1010", harness.Root, async () => await Register(await harness.OpenAsync(), "M", harness.Temp.Combine("nope")));

        Assert.False(Directory.Exists(harness.Root));
    }

    [Fact]
    public async Task Empty_folder_is_refused()
    {
        var empty = Directory.CreateDirectory(harness.Temp.Combine("work", "empty")).FullName;
        Directory.CreateDirectory(Path.Combine(empty, "nested", "also-empty"));

        await Refusal.ExpectAsync("MRB1014", harness.Root, async () => await Register(await harness.OpenAsync(), "M", empty));
    }

    [Fact]
    public async Task No_artifact_paths_at_all_is_refused()
    {
        await Refusal.ExpectAsync("MRB1014", harness.Root, async () => await Register(await harness.OpenAsync(), "M"));
    }

    [Fact]
    public async Task Two_files_that_would_share_a_path_in_the_version_are_refused()
    {
        var first = harness.Temp.WriteFile("work/a/model.bin", "1");
        var second = harness.Temp.WriteFile("work/b/model.bin", "2");

        await Refusal.ExpectAsync("MRB1108", harness.Root, async () => await Register(await harness.OpenAsync(), "M", first, second));
    }

    [Fact]
    public async Task A_folder_holding_other_files_is_not_a_registry()
    {
        harness.Temp.WriteFile("registry/notes.txt", "my things");
        harness.Temp.WriteFile("registry/photos/cat.jpg", "meow");

        var error = await Refusal.ExpectAsync("MRB1011", harness.Root, () => harness.OpenAsync());

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("""{"kind": "something-else", "format": 1}""")]
    public async Task A_registry_json_that_is_not_ours_is_refused(string content)
    {
        harness.Temp.WriteFile("registry/registry.json", content);

        await Refusal.ExpectAsync("MRB1011", harness.Root, () => harness.OpenAsync());
    }

    [Fact]
    public async Task A_newer_registry_format_is_refused()
    {
        harness.Temp.WriteFile("registry/registry.json", """{"kind": "model-registry", "format": 99}""");

        await Refusal.ExpectAsync("MRB1012", harness.Root, () => harness.OpenAsync());
    }

    [Fact]
    public async Task A_registry_location_that_is_a_file_is_refused_with_a_code()
    {
        var file = harness.Temp.WriteFile("a-file", "I am a file");
        var before = File.ReadAllText(file);

        var error = await Assert.ThrowsAsync<RegistryException>(async () =>
        {
            var registry = await Registry.OpenAsync(file);
            await harness.RegisterAsync(registry, "M", "w");
        });

        Assert.Equal("MRB1011", error.Code);
        Assert.Equal(before, File.ReadAllText(file));
    }

    [Fact]
    public async Task A_folder_left_with_only_temporary_files_is_still_a_new_registry()
    {
        harness.Temp.WriteFile("registry/.tmp/leftover", "half");

        var registry = await harness.OpenAsync();

        Assert.False(registry.Exists);
        Assert.Equal(1, (await harness.RegisterAsync(registry, "M", "w")).Version!.Version);
    }

    [Theory]
    [InlineData("M@9")]
    [InlineData("M@9.9.9")]
    [InlineData("M@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("M@Production")]
    [InlineData("M@champion")]
    public async Task Unknown_versions_are_refused(string reference)
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "w");

        var error = await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.ResolveAsync(reference));

        Assert.Contains("M@", error.Message, StringComparison.Ordinal);
        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.PullAsync(reference, harness.Temp.Combine("out")));
    }

    [Theory]
    [InlineData("M@Archived")]
    [InlineData("M@None")]
    public async Task Stages_that_hold_many_versions_cannot_be_resolved(string reference)
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "w");

        await Refusal.ExpectAsync("MRB1002", harness.Root, () => registry.ResolveAsync(reference));
    }

    [Fact]
    public async Task Unknown_model_is_refused_on_an_empty_location()
    {
        var registry = await harness.OpenAsync();

        await Refusal.ExpectAsync("MRB1003", harness.Root, () => registry.ResolveAsync("FraudDetection@Production"));
        Assert.False(Directory.Exists(harness.Root));
    }

    [Fact]
    public async Task Reading_never_creates_the_registry()
    {
        var registry = await harness.OpenAsync();

        Assert.Empty(await registry.ListModelsAsync());
        Assert.True((await registry.VerifyAsync()).Clean);
        Assert.Empty((await registry.CollectGarbageAsync(Registry.MinimumGrace, dryRun: false)).Unnamed);
        Assert.False(Directory.Exists(harness.Root));
    }

    [Fact]
    public async Task Nothing_is_written_by_reads_of_an_existing_registry()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "M", "w");
        await RegistryHarness.PromoteAsync(registry, "M@1", "Production");
        var before = harness.Listing();

        var fresh = await harness.OpenAsync();
        await fresh.ResolveAsync("M@Production");
        await fresh.ListVersionsAsync("M");
        await fresh.HistoryAsync("M");
        await fresh.VerifyAsync();
        await fresh.CollectGarbageAsync(Registry.DefaultGrace, dryRun: true);
        await fresh.EvaluateAsync("M", RegistryHarness.Metrics(("auc", 1)), [ModelRegistry.Metrics.ThresholdRule.Parse("auc>=0.5")]);

        Assert.Equal(before, harness.Listing());
    }
}
