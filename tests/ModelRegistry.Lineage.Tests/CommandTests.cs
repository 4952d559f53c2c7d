using System.Text.Json.Nodes;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Tests.Support;

namespace ModelRegistry.Lineage.Tests;

/// <summary>The lineage options and questions through the real tool, in a real training checkout whose registry is
/// the default <c>./.model-registry</c> inside the repository.</summary>
public sealed class CommandTests : IDisposable
{
    private const string Token = "ghp_CommandLineSecret42";
    private readonly TrainingRepo repo = new();

    public CommandTests()
    {
        Git.Run(repo.Root, "remote", "add", "origin", $"https://{Token}@github.com/contoso/fraud.git");
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train/part-1.csv", "1,2\n");
        repo.Write("train.json", "{\"lr\": 0.1}");
        repo.Write("metrics.json", "{\"auc\": 0.93}");
        Git.Run(repo.Root, "add", "train.json");
        Git.Run(repo.Root, "commit", "-q", "-m", "Config");
    }

    public void Dispose() => repo.Dispose();

    private (int Exit, string Out, string Err) Register(params string[] extra) =>
        Tool.Run(repo.Root, new Dictionary<string, string> { ["SEED"] = "7" },
            ["register", "Fraud", "out/model.bin", "--metrics", "metrics.json", "--data", "data/train", "--config", "train.json", "--command", "python train.py", "--env", "SEED", "--json", .. extra]);

    [Fact]
    public void Register_captures_the_recipe_and_lineage_answers_which_data_trained_production()
    {
        var first = Register();
        var again = Register();
        Tool.Json(repo.Root, "promote", "Fraud@1", "--to", "Production", "--approved-by", "alice", "--json");
        var byDataset = Tool.Json(repo.Root, "lineage", "--dataset", "data/train", "--json");
        var lineage = Tool.Json(repo.Root, "lineage", "Fraud@Production", "--json");
        var (exit, provenance, _) = Tool.Run(repo.Root, null, "provenance", "Fraud@Production");

        Assert.Equal(0, first.Exit);
        Assert.True(JsonNode.Parse(first.Out)!["isNew"]!.GetValue<bool>());
        Assert.Empty(JsonNode.Parse(first.Out)!["warnings"]!.AsArray());
        Assert.False(JsonNode.Parse(again.Out)!["isNew"]!.GetValue<bool>());
        Assert.Equal(1, byDataset["inProduction"]!.AsArray().Single()!["version"]!.GetValue<int>());
        var recipe = lineage["recipe"]!;
        Assert.Equal("https://github.com/contoso/fraud.git", recipe["code"]!["repositoryUrl"]!.GetValue<string>());
        Assert.False(recipe["code"]!["dirty"]!.GetValue<bool>());
        Assert.Equal("7", recipe["environment"]!["variables"]!["SEED"]!.GetValue<string>());
        Assert.Equal("data/train", recipe["data"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(0, exit);
        Assert.Equal(ProvenanceStatement.StatementType, JsonNode.Parse(provenance)!["_type"]!.GetValue<string>());
        Assert.DoesNotContain(Token, first.Out + first.Err + lineage.ToJsonString() + provenance, StringComparison.Ordinal);
        Assert.DoesNotContain(
            Directory.EnumerateFiles(Path.Combine(repo.Root, ".model-registry"), "*", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Changed_data_registers_a_new_version_and_diff_names_it()
    {
        Register();
        repo.Write("data/train/part-1.csv", "1,2\n3,4\n");
        var second = JsonNode.Parse(Register().Out)!;

        var diff = Tool.Json(repo.Root, "diff", "Fraud@1", "Fraud@2", "--json");

        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.False(diff["sameIdentity"]!.GetValue<bool>());
        Assert.Contains(diff["recipe"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "data[data/train].digest" && c["identity"]!.GetValue<bool>());
    }

    [Fact]
    public void Lineage_needs_a_reference_or_a_dataset()
    {
        var (exit, _, error) = Tool.Run(repo.Root, null, "lineage");

        Assert.Equal(2, exit);
        Assert.Contains("error MRB1509", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_data_fails_the_registration_with_a_coded_error()
    {
        Special.Fifo(Path.Combine(repo.Root, "data", "train", "live-feed"));

        var (exit, _, error) = Register();

        Assert.Equal(1, exit);
        Assert.Contains("error MRB1502", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, ".model-registry", "models")));
    }
}
