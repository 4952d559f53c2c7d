using System.Security.Cryptography;
using System.Text;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Recipes;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class RegistrationTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string DigestOf(string content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public async Task First_registration_creates_the_registry_and_version_1()
    {
        var registry = await harness.OpenAsync();
        Assert.False(registry.Exists);

        var result = await harness.RegisterAsync(registry, "FraudDetection", "weights-1");

        Assert.True(result.Created);
        Assert.True(result.Passed);
        Assert.Equal("weights-1".Length, result.BytesUploaded);
        var version = result.Version!;
        Assert.Equal(("FraudDetection", 1, "None"), (version.Model, version.Version, version.Stage));
        Assert.Equal(RegistryHarness.Actor, version.CreatedBy);
        Assert.True(File.Exists(harness.StoredPath(RegistryPaths.Settings)));
        var file = Assert.Single(version.Files);
        Assert.Equal(new ArtifactFile("model.bin", "weights-1".Length, DigestOf("weights-1")), file);
        Assert.Equal("weights-1", File.ReadAllText(harness.StoredPath(RegistryPaths.Blob(file.Digest))));
    }

    [Fact]
    public async Task Version_id_is_the_sha256_of_its_record_file()
    {
        var registry = await harness.OpenAsync();

        var version = (await harness.RegisterAsync(registry, "FraudDetection", "weights")).Version!;

        var record = File.ReadAllBytes(harness.StoredPath(RegistryPaths.Record("frauddetection", version.Digest)));
        Assert.Equal(version.Digest, Sha256Digest.Of(record));
        Assert.Equal(version.Version, (await registry.ResolveAsync("FraudDetection@" + version.Digest)).Version);
    }

    [Fact]
    public async Task Numbers_are_assigned_in_order()
    {
        var registry = await harness.OpenAsync();

        var numbers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await harness.RegisterVersionAsync(registry, "FraudDetection", $"weights-{i}"));
        }

        Assert.Equal([1, 2, 3, 4, 5], numbers);
        Assert.Equal([1, 2, 3, 4, 5], (await registry.ListVersionsAsync("FraudDetection")).Select(v => v.Version));
        Assert.Equal(5, (await registry.ResolveAsync("FraudDetection")).Version);
    }

    [Fact]
    public async Task Same_recipe_returns_the_existing_version_and_writes_nothing()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("model.bin", "weights");
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] });
        await harness.RegisterAsync(registry, "FraudDetection", "other weights");
        var before = harness.Listing();

        var again = await (await harness.OpenAsync()).RegisterAsync(new RegistrationRequest
        {
            Model = "FraudDetection",
            Artifacts = [artifact],
            Description = "described differently",
            Recipe = new Recipe { Ci = new CiRun { Provider = "github", RunId = "7" } },
        });

        Assert.False(again.Created);
        Assert.Equal(0, again.BytesUploaded);
        Assert.Equal(1, again.Version!.Version);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Same_recipe_registered_again_right_after_is_found_before_the_snapshot_moves()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("model.bin", "weights");
        var request = new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] };

        var first = await registry.RegisterAsync(request);
        var second = await registry.RegisterAsync(request);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Version!.Digest, second.Version!.Digest);
    }

    [Fact]
    public async Task Changed_recipe_with_identical_files_is_a_new_version_that_stores_no_new_bytes()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("model.bin", "weights");
        await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact], Recipe = new Recipe { Command = "train --epochs 1" } });
        var blobs = FolderListing.Files(harness.StoredPath(RegistryPaths.Blobs));

        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact], Recipe = new Recipe { Command = "train --epochs 2" } });

        Assert.True(result.Created);
        Assert.Equal(2, result.Version!.Version);
        Assert.Equal(0, result.BytesUploaded);
        Assert.Equal(blobs, FolderListing.Files(harness.StoredPath(RegistryPaths.Blobs)));
    }

    [Fact]
    public async Task Identical_file_in_another_model_is_stored_once()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "shared weights");

        var result = await harness.RegisterAsync(registry, "ChurnModel", "shared weights");

        Assert.True(result.Created);
        Assert.Equal(0, result.BytesUploaded);
        Assert.Single(FolderListing.Files(harness.StoredPath(RegistryPaths.Blobs)));
        Assert.Equal(["ChurnModel", "FraudDetection"], await registry.ListModelsAsync());
    }

    [Fact]
    public async Task A_folder_registers_every_file_with_its_own_digest()
    {
        var registry = await harness.OpenAsync();
        var folder = harness.Temp.Combine("work", "bert");
        harness.Temp.WriteFile("work/bert/model.bin", "onnx bytes");
        harness.Temp.WriteFile("work/bert/vocab.txt", "the\nof\n");
        harness.Temp.WriteFile("work/bert/tokenizer/config.json", "{}");

        var version = (await registry.RegisterAsync(new RegistrationRequest { Model = "Bert", Artifacts = [folder] })).Version!;

        Assert.Equal(
            [
                new ArtifactFile("model.bin", 10, DigestOf("onnx bytes")),
                new ArtifactFile("tokenizer/config.json", 2, DigestOf("{}")),
                new ArtifactFile("vocab.txt", 7, DigestOf("the\nof\n")),
            ],
            version.Files);
    }

    [Fact]
    public async Task Several_paths_register_files_by_name_and_folders_under_their_name()
    {
        var registry = await harness.OpenAsync();
        var model = harness.Artifact("model.zip", "zip");
        harness.Temp.WriteFile("work/assets/labels.txt", "a,b");

        var version = (await registry.RegisterAsync(new RegistrationRequest { Model = "Mixed", Artifacts = [model, harness.Temp.Combine("work", "assets")] })).Version!;

        Assert.Equal(["assets/labels.txt", "model.zip"], version.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Identical_files_in_one_version_are_stored_and_counted_once()
    {
        var registry = await harness.OpenAsync();
        harness.Temp.WriteFile("work/twins/a.bin", "same bytes");
        harness.Temp.WriteFile("work/twins/b.bin", "same bytes");

        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Twins", Artifacts = [harness.Temp.Combine("work", "twins")] });

        Assert.Equal(2, result.Version!.Files.Count);
        Assert.Equal("same bytes".Length, result.BytesUploaded);
        Assert.Single(FolderListing.Files(harness.StoredPath(RegistryPaths.Blobs)));
    }

    [Fact]
    public async Task Empty_file_is_a_valid_artifact()
    {
        var registry = await harness.OpenAsync();
        var empty = harness.Artifact("empty.bin", []);

        var version = (await registry.RegisterAsync(new RegistrationRequest { Model = "Empty", Artifacts = [empty] })).Version!;

        Assert.Equal(new ArtifactFile("empty.bin", 0, Sha256Digest.Of([])), Assert.Single(version.Files));
        Assert.True((await registry.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task Label_tags_description_and_metrics_are_recorded()
    {
        var registry = await harness.OpenAsync();

        await harness.RegisterAsync(registry, "FraudDetection", "w", r => r with
        {
            Label = "1.2.0-bert-large",
            Tags = new Dictionary<string, string> { ["team"] = "fraud", ["dataset"] = "2026-11" },
            Description = "Retrained on November data",
            Metrics = RegistryHarness.Metrics(("auc", 0.93), ("eval.f1", 0.8)),
        });

        var reopened = await harness.OpenAsync();
        var version = await reopened.ResolveAsync("FraudDetection@1.2.0-bert-large");
        Assert.Equal(1, version.Version);
        Assert.Equal("1.2.0-bert-large", version.Label);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "fraud", ["dataset"] = "2026-11" }, version.Tags);
        Assert.Equal("Retrained on November data", version.Description);
        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.93, ["eval.f1"] = 0.8 }, version.Metrics);
    }

    [Fact]
    public async Task Non_finite_metrics_are_not_stored_in_the_record()
    {
        var registry = await harness.OpenAsync();
        var metrics = MetricsDocument.Parse("m.json", """{"auc": 0.9, "loss": NaN}"""u8);

        var version = (await harness.RegisterAsync(registry, "M", "w", r => r with { Metrics = metrics })).Version!;

        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.9 }, version.Metrics);
    }

    [Fact]
    public async Task Label_is_unique_per_model_ignoring_case_and_a_taken_label_writes_nothing()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Label = "1.0.0-RC" });
        await harness.RegisterAsync(registry, "FraudDetection", "w2");
        var candidate = harness.Artifact("candidate.bin", "w3");

        var error = await Refusal.ExpectAsync("MRB1006", harness.Root, () => registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [candidate], Label = "1.0.0-rc" }));

        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_label_in_another_model_is_fine()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Label = "1.0.0" });

        var result = await harness.RegisterAsync(registry, "ChurnModel", "w2", r => r with { Label = "1.0.0" });

        Assert.True(result.Created);
    }

    [Fact]
    public async Task Label_taken_is_found_in_a_fresh_process_through_the_label_index()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Label = "2.0.0" });
        await harness.RegisterAsync(registry, "FraudDetection", "w2");
        var fresh = await harness.OpenAsync();

        await Refusal.ExpectAsync("MRB1006", harness.Root, () => harness.RegisterAsync(fresh, "FraudDetection", "w3", r => r with { Label = "2.0.0" }));
    }

    [Fact]
    public async Task Invalid_label_is_refused_before_anything_is_written()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1005", harness.Root, () => registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [artifact], Label = "v1" }));
    }

    [Fact]
    public async Task Invalid_tag_is_refused_before_anything_is_written()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1008", harness.Root, () => registry.RegisterAsync(new RegistrationRequest
        {
            Model = "M",
            Artifacts = [artifact],
            Tags = new Dictionary<string, string> { ["bad key"] = "v" },
        }));
        await Refusal.ExpectAsync("MRB1008", harness.Root, () => registry.RegisterAsync(new RegistrationRequest
        {
            Model = "M",
            Artifacts = [artifact],
            Tags = new Dictionary<string, string> { ["k=v"] = "w" },
        }));
    }

    [Fact]
    public async Task Model_names_are_unique_ignoring_case_keep_their_first_spelling_and_resolve_in_any_case()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1");

        await Refusal.ExpectAsync("MRB1031", harness.Root, () => harness.RegisterAsync(registry, "frauddetection", "w2"));
        var second = (await harness.RegisterAsync(registry, "FraudDetection", "w2")).Version!;

        Assert.Equal(("FraudDetection", 2), (second.Model, second.Version));
        Assert.Equal(["FraudDetection"], await registry.ListModelsAsync());
        Assert.Equal(2, (await registry.ResolveAsync("FRAUDDETECTION")).Version);
    }

    [Fact]
    public async Task A_first_registration_that_loses_a_race_to_another_spelling_is_refused_and_records_nothing_of_its_own()
    {
        // arrange: "FraudDetection" is registered first, between the racer's reading of an empty model and its commit
        var registry = await harness.OpenAsync();
        var storage = new HookedStorage(new Storage.FolderStorage(harness.Root));
        storage.BeforeFirstCreate(path => path.Contains("/log/", StringComparison.Ordinal), () => harness.RegisterAsync(registry, "FraudDetection", "w1"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await harness.RegisterAsync(await Registry.OpenAsync(storage), "frauddetection", "w2"));

        // assert: one model, one spelling, one version
        Assert.Equal("MRB1031", error.Code);
        Assert.Equal(["FraudDetection"], await registry.ListModelsAsync());
        Assert.Equal(["FraudDetection"], (await registry.HistoryAsync("FraudDetection")).Select(e => e.Model));
        Assert.True((await registry.VerifyAsync()).Clean);
    }

    [Fact]
    public async Task Model_name_with_consecutive_dots_is_a_valid_name_and_registers()
    {
        var registry = await harness.OpenAsync();

        var version = (await harness.RegisterAsync(registry, "fraud..v2", "w")).Version!;

        Assert.Equal(1, version.Version);
        Assert.Equal(1, (await registry.ResolveAsync("fraud..v2@1")).Version);
    }

    [Fact]
    public async Task Failing_gate_registers_nothing_and_reports_every_rule()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");
        var before = harness.Listing();

        var result = await registry.RegisterAsync(new RegistrationRequest
        {
            Model = "FraudDetection",
            Artifacts = [artifact],
            Metrics = RegistryHarness.Metrics(("auc", 0.85), ("latency_p95_ms", 40)),
            Thresholds = [ThresholdRule.Parse("auc>=0.90"), ThresholdRule.Parse("latency_p95_ms<=50")],
        });

        Assert.Null(result.Version);
        Assert.False(result.Passed);
        Assert.Equal([false, true], result.Evaluation.Rules.Select(r => r.Passed));
        Assert.Equal(-0.05, result.Evaluation.Rules[0].Margin!.Value, 9);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Missing_metric_is_never_a_pass_and_registers_nothing()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");
        var before = harness.Listing();

        var result = await registry.RegisterAsync(new RegistrationRequest
        {
            Model = "FraudDetection",
            Artifacts = [artifact],
            Metrics = RegistryHarness.Metrics(("f1", 0.9)),
            Thresholds = [ThresholdRule.Parse("auc>=0.90")],
        });

        Assert.Null(result.Version);
        Assert.True(result.Evaluation.HasErrors);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Rules_without_metrics_are_refused()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1201", harness.Root, () => registry.RegisterAsync(new RegistrationRequest
        {
            Model = "FraudDetection",
            Artifacts = [artifact],
            Thresholds = [ThresholdRule.Parse("auc>=0.90")],
        }));
    }

    [Fact]
    public async Task Passing_gate_records_its_verdict_in_the_version()
    {
        var registry = await harness.OpenAsync();

        var version = (await harness.RegisterAsync(registry, "FraudDetection", "w", r => r with
        {
            Metrics = RegistryHarness.Metrics(("auc", 0.93)),
            Thresholds = [ThresholdRule.Parse("auc>=0.90")],
        })).Version!;

        var record = await registry.ReadRecordAsync("FraudDetection", version.Digest);
        Assert.True(record.Evaluation!.Passed);
        Assert.Equal("auc>=0.9", Assert.Single(record.Evaluation.Rules).Rule);
    }

    [Fact]
    public async Task Relative_gate_at_registration_compares_with_the_production_version()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Metrics = RegistryHarness.Metrics(("auc", 0.93)) });
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var rule = ThresholdRule.Parse("auc>=Production-0.005");

        var worse = await harness.RegisterAsync(registry, "FraudDetection", "w2", r => r with { Metrics = RegistryHarness.Metrics(("auc", 0.92)), Thresholds = [rule] });
        var close = await harness.RegisterAsync(registry, "FraudDetection", "w3", r => r with { Metrics = RegistryHarness.Metrics(("auc", 0.925)), Thresholds = [rule] });

        Assert.Null(worse.Version);
        Assert.Equal(0.925, worse.Evaluation.Rules[0].Bound!.Value, 12);
        Assert.Equal("FraudDetection@Production (version 1)", worse.Evaluation.Rules[0].Baseline);
        Assert.Equal(2, close.Version!.Version);
    }

    [Fact]
    public async Task Relative_gate_of_the_first_model_passes_with_a_note()
    {
        var registry = await harness.OpenAsync();

        var result = await harness.RegisterAsync(registry, "FraudDetection", "w", r => r with
        {
            Metrics = RegistryHarness.Metrics(("auc", 0.5)),
            Thresholds = [ThresholdRule.Parse("auc>=Production-0.005")],
        });

        Assert.Equal(1, result.Version!.Version);
        Assert.NotNull(result.Evaluation.Rules[0].Note);
    }

    [Fact]
    public async Task Relative_gate_whose_production_lacks_the_metric_registers_nothing()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Metrics = RegistryHarness.Metrics(("f1", 0.9)) });
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var before = harness.Listing();

        var result = await harness.RegisterAsync(registry, "FraudDetection", "w2", r => r with
        {
            Metrics = RegistryHarness.Metrics(("auc", 0.99)),
            Thresholds = [ThresholdRule.Parse("auc>=Production")],
        });

        Assert.Null(result.Version);
        Assert.StartsWith("error MRB1207: ", result.Evaluation.Rules[0].Error, StringComparison.Ordinal);
        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Relative_rule_naming_an_unknown_stage_is_refused()
    {
        var registry = await harness.OpenAsync();
        var artifact = harness.Artifact("m.bin", "w");

        await Refusal.ExpectAsync("MRB1009", harness.Root, () => registry.RegisterAsync(new RegistrationRequest
        {
            Model = "M",
            Artifacts = [artifact],
            Metrics = RegistryHarness.Metrics(("auc", 0.9)),
            Thresholds = [ThresholdRule.Parse("auc>=Prod-0.01")],
        }));
    }

    [Fact]
    public async Task Evaluate_without_registering_writes_nothing()
    {
        var registry = await harness.OpenAsync();
        await harness.RegisterAsync(registry, "FraudDetection", "w1", r => r with { Metrics = RegistryHarness.Metrics(("auc", 0.93)) });
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        var before = harness.Listing();

        var verdict = await registry.EvaluateAsync("FraudDetection", RegistryHarness.Metrics(("auc", 0.94)), [ThresholdRule.Parse("auc>=Production")]);

        Assert.True(verdict.Passed);
        Assert.Equal(0.93, verdict.Rules[0].Bound);
        Assert.Equal(before, harness.Listing());
    }
}
