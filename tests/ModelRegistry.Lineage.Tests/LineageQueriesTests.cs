using ModelRegistry.Lineage.Queries;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Manifest;

namespace ModelRegistry.Lineage.Tests;

/// <summary>The lineage questions against a real folder registry, with versions registered and promoted through the engine.</summary>
public sealed class LineageQueriesTests : IDisposable
{
    private readonly TrainingRepo repo = new();

    public void Dispose() => repo.Dispose();

    private async Task<LineageQueries> QueriesAsync() => new(await repo.OpenAsync());

    [Fact]
    public async Task Lineage_of_a_reference_is_the_whole_recipe()
    {
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train.csv", "1,2\n");
        repo.Write("train.json", "{\"lr\": 0.1}");
        var recipe = await repo.CaptureAsync(["data"], ["train.json"], command: "python train.py");
        await repo.RegisterAsync("Fraud", recipe);

        var lineage = await (await QueriesAsync()).LineageAsync("Fraud@1");

        Assert.Equal(1, lineage.Version);
        Assert.Equal(Git.Head(repo.Root), lineage.Recipe.Code!.Commit);
        Assert.Equal(recipe.Data.Single().Digest, lineage.Recipe.Data.Single().Digest);
        Assert.Equal("data", lineage.Recipe.Data.Single().Source);
        Assert.Equal("python train.py", lineage.Recipe.Command);
        Assert.Equal(0.1, lineage.Recipe.Config.Single().Content!["lr"]!.GetValue<double>());
    }

    /// <summary>Fraud 1 and 3 and Churn 1 trained on data A; Fraud 2 on B. Fraud 1 went to Production, then 2 replaced it.</summary>
    private async Task<(string DigestA, DateTimeOffset FirstProduction)> HistoryAsync()
    {
        repo.Write("data/a/train.csv", "a\n");
        repo.Write("data/a/labels.csv", "labels\n");
        repo.Write("data/b/train.csv", "b\n");
        repo.Write("data/c/extra.csv", "c\n");
        repo.Write("out/model.bin", "fraud-1");
        var onA = await repo.CaptureAsync(["data/a"]);
        await repo.RegisterAsync("Fraud", onA, auc: 0.90);
        repo.Write("out/model.bin", "fraud-2");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data/b"]), auc: 0.92);
        repo.Write("out/model.bin", "fraud-3");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data/a", "data/c"]), auc: 0.91);
        repo.Write("out/model.bin", "churn-1");
        await repo.RegisterAsync("Churn", onA);

        await repo.PromoteAsync("Fraud@1", "Production");
        var history = await (await repo.OpenAsync()).HistoryAsync("Fraud");
        var firstProduction = history.Single(e => e.Operation == Operation.Stage).Time;
        await repo.PromoteAsync("Fraud@2", "Production");
        return (onA.Data.Single().Digest!, firstProduction);
    }

    [Fact]
    public async Task Dataset_query_finds_every_version_trained_on_it_and_which_is_in_production_now()
    {
        await HistoryAsync();

        var answer = await (await QueriesAsync()).ByDatasetAsync("data/a", workingDirectory: repo.Root);

        Assert.Equal(["Churn@1", "Fraud@1", "Fraud@3"], answer.Versions.Select(v => $"{v.Model}@{v.Version}"));
        Assert.All(answer.Versions, v => Assert.Equal(DatasetUse.ByDigest, v.MatchedBy));
        Assert.Equal(RegistrySettings.Archived, answer.Versions.Single(v => v.Model == "Fraud" && v.Version == 1).Stage);
        Assert.Empty(answer.InProduction);
    }

    [Fact]
    public async Task Dataset_query_as_of_a_time_reads_the_stages_then()
    {
        var (_, firstProduction) = await HistoryAsync();

        var answer = await (await QueriesAsync()).ByDatasetAsync("data/a", asOf: new AsOf(null, firstProduction), workingDirectory: repo.Root);

        var production = Assert.Single(answer.InProduction);
        Assert.Equal(("Fraud", 1), (production.Model, production.Version));
    }

    [Fact]
    public async Task Dataset_query_as_of_a_revision_needs_a_model()
    {
        await HistoryAsync();
        var queries = await QueriesAsync();

        var error = await Assert.ThrowsAsync<RegistryException>(() => queries.ByDatasetAsync("data/a", asOf: new AsOf(4, null), workingDirectory: repo.Root));
        var answer = await queries.ByDatasetAsync("data/a", model: "Fraud", asOf: new AsOf(4, null), workingDirectory: repo.Root);

        Assert.Equal("MRB1508", error.Code);
        Assert.Equal([1, 3], answer.Versions.Select(v => v.Version));
        Assert.Equal(1, Assert.Single(answer.InProduction).Version);
    }

    [Fact]
    public async Task Dataset_query_by_digest_and_by_a_file_inside_a_recorded_folder()
    {
        var (digestA, _) = await HistoryAsync();
        var queries = await QueriesAsync();

        var byDigest = await queries.ByDatasetAsync(digestA);
        var byBareHex = await queries.ByDatasetAsync(digestA["sha256:".Length..].ToUpperInvariant());
        var byFile = await queries.ByDatasetAsync("data/c/extra.csv", workingDirectory: repo.Root);

        Assert.Equal(3, byDigest.Versions.Count);
        Assert.Equal(3, byBareHex.Versions.Count);
        var use = Assert.Single(byFile.Versions);
        Assert.Equal(("Fraud", 3, DatasetUse.ByFileInFolder, "extra.csv"), (use.Model, use.Version, use.MatchedBy, use.MatchedFile));
    }

    [Fact]
    public async Task Dataset_changed_since_is_still_found_by_its_recorded_path()
    {
        await HistoryAsync();
        repo.Write("data/b/train.csv", "b, relabelled\n");

        var answer = await (await QueriesAsync()).ByDatasetAsync("data/b", workingDirectory: repo.Root);

        var use = Assert.Single(answer.Versions);
        Assert.Equal((2, DatasetUse.BySource, RegistrySettings.Production), (use.Version, use.MatchedBy, use.Stage));
    }

    [Fact]
    public async Task Diff_names_the_changed_recipe_fields_and_metric_deltas()
    {
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train/part-1.csv", "1\n");
        repo.Write("data/train/part-2.csv", "2\n");
        repo.Write("train.json", "{\"lr\": 0.1, \"epochs\": 3}");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data/train"], ["train.json"]), auc: 0.90);
        repo.Write("data/train/part-2.csv", "2, fixed\n");
        repo.Write("train.json", "{\"lr\": 0.05, \"epochs\": 3}");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data/train"], ["train.json"]), auc: 0.93);

        var diff = await (await QueriesAsync()).DiffAsync("Fraud@1", "Fraud@2");

        Assert.False(diff.SameIdentity);
        var fields = diff.Recipe.ToDictionary(c => c.Field);
        Assert.True(fields["data[data/train].digest"].Identity);
        Assert.Contains("data[data/train].files[part-2.csv].digest", fields.Keys);
        Assert.DoesNotContain("data[data/train].files[part-1.csv].digest", fields.Keys);
        Assert.Equal(("0.1", "0.05"), (fields["config[train.json].content.lr"].Left, fields["config[train.json].content.lr"].Right));
        Assert.True(fields["config[train.json].digest"].Identity);
        Assert.DoesNotContain("config[train.json].content.epochs", fields.Keys);
        Assert.Empty(diff.Files);
        var auc = Assert.Single(diff.Metrics);
        Assert.Equal(0.03, auc.Delta!.Value, precision: 10);
    }

    [Fact]
    public async Task Diff_of_versions_with_different_artifacts_lists_the_files()
    {
        repo.Write("out/model.bin", "one");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync());
        repo.Write("out/model.bin", "two");
        await repo.RegisterAsync("Fraud", await repo.CaptureAsync());

        var diff = await (await QueriesAsync()).DiffAsync("Fraud@1", "Fraud@latest");

        var file = Assert.Single(diff.Files);
        Assert.Equal("model.bin", file.Field);
        Assert.DoesNotContain(diff.Recipe, c => c.Identity);
    }
}
