
namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>
/// The tool's real output, validated against the JSON Schemas published in docs/schemas (which a test of the engine
/// keeps equal to the contract's records): what a script, a pipeline or another language reads is what the schema says.
/// </summary>
public sealed class DocumentSchemaTests : Scenario
{
    private static void AssertValid(string schemaName, CliOutcome result)
    {
        var problems = PublishedSchemas.Problems(schemaName, result.Stdout);
        Assert.True(problems.Count == 0, string.Join("; ", problems) + "\n" + result.Stdout);
    }

    [Fact]
    public async Task Register_resolve_pull_restore_and_errors_print_what_their_schemas_say()
    {
        // arrange
        var artifact = Temp.WriteFile("out/model.bin", "weights"u8.ToArray());
        var metrics = Temp.WriteFile("out/metrics.json", """{ "auc": 0.93, "latency_p95_ms": 41 }"""u8.ToArray());

        // act
        var registered = await Cli("register", "FraudDetection", artifact, "--metrics", metrics, "--threshold", "auc>=0.9", "--label", "1.0.0", "--tag", "team=risk", "--json");
        var refused = await Cli("register", "FraudDetection", artifact, "--metrics", metrics, "--threshold", "auc>=0.99", "--json");
        var promoted = await Cli("promote", "FraudDetection@1", "--to", "Staging", "--json");
        var resolved = await Cli("resolve", "FraudDetection@Staging", "--json");
        var pulled = await Cli("pull", "FraudDetection@1.0.0", "--output", Temp.Combine("serving"), "--json");
        var restored = await Cli("restore", "FraudDetection@Staging", "--lock-file", Temp.Combine("models.lock.json"), "--cache", Temp.Combine("cache"), "--json");
        var missing = await Cli("resolve", "Nobody@Production", "--json");

        // assert
        Assert.Equal([0, 3, 0, 0, 0, 0, 1], new[] { registered, refused, promoted, resolved, pulled, restored, missing }.Select(r => r.ExitCode));
        AssertValid("registration", registered);
        AssertValid("not-registered", refused);
        AssertValid("version", resolved);
        AssertValid("pull", pulled);
        AssertValid("restore", restored);
        AssertValid("error", missing);
    }

    [Fact]
    public async Task Stage_moves_lists_history_aliases_copies_verify_gc_and_evaluate_print_what_their_schemas_say()
    {
        // arrange
        var metrics = Temp.WriteFile("out/metrics.json", """{ "auc": 0.93 }"""u8.ToArray());
        await RegisterAsync("FraudDetection", "v1");
        await RegisterAsync("FraudDetection", "v2");

        // act
        var promoted = await Cli("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice", "--json");
        var again = await Cli("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "alice", "--json");
        var gated = await Cli("promote", "FraudDetection@2", "--to", "Staging", "--metrics", metrics, "--threshold", "auc>=0.99", "--json");
        var rolledBack = await Cli("rollback", "FraudDetection", "--approved-by", "alice", "--json");
        var archived = await Cli("archive", "FraudDetection@2", "--json");
        var aliased = await Cli("alias", "set", "FraudDetection@1", "champion", "--json");
        var unaliased = await Cli("alias", "remove", "FraudDetection", "champion", "--json");
        var models = await Cli("list", "--json");
        var versions = await Cli("list", "FraudDetection", "--json");
        var history = await Cli("history", "FraudDetection", "--json");
        var copied = await Cli("copy", "FraudDetection@1", "--to", Temp.Combine("other-registry"), "--json");
        var verified = await Cli("verify", "--json");
        var retention = await Cli("retention", "set", "--keep-last", "5", "--keep-production-for", "90d", "--reason", "storage costs", "--json");
        var retentionShown = await Cli("retention", "show", "FraudDetection", "--json");
        var retentionHistory = await Cli("retention", "show", "--history", "--json");
        var collected = await Cli("gc", "--json");
        var evaluated = await Cli("evaluate", "--metrics", metrics, "--threshold", "auc>=0.9", "--json");

        // assert
        Assert.Equal([0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            new[] { promoted, again, gated, rolledBack, archived, aliased, unaliased, models, versions, history, copied, verified, retention, retentionShown, retentionHistory, collected, evaluated }.Select(r => r.ExitCode));
        foreach (var stageChange in new[] { promoted, again, gated, rolledBack, archived })
        {
            AssertValid("stage-change", stageChange);
        }

        AssertValid("version", aliased);
        AssertValid("alias-removed", unaliased);
        AssertValid("models", models);
        AssertValid("versions", versions);
        AssertValid("history", history);
        AssertValid("copy", copied);
        AssertValid("verify", verified);
        AssertValid("retention", retention);
        AssertValid("retention", retentionShown);
        AssertValid("retention-history", retentionHistory);
        AssertValid("gc", collected);
        AssertValid("evaluation", evaluated);
    }

    [Fact]
    public async Task Lineage_dataset_lineage_diff_and_provenance_print_what_their_schemas_say()
    {
        // arrange
        var artifact = Temp.WriteFile("out/model.bin", "weights"u8.ToArray());
        var metrics = Temp.WriteFile("out/metrics.json", """{ "auc": 0.93 }"""u8.ToArray());
        var data = Temp.WriteFile("data/train/part-1.csv", "1\n"u8.ToArray());
        var config = Temp.WriteFile("train.json", """{ "lr": 0.1 }"""u8.ToArray());
        var first = await Cli("register", "FraudDetection", artifact, "--metrics", metrics, "--threshold", "auc>=0.9", "--data", Path.GetDirectoryName(data)!, "--data", "https://data.example.com/extra.parquet", "--config", config, "--command", "python train.py", "--json");
        Temp.WriteFile("out/model.bin", "weights 2"u8.ToArray());
        var second = await Cli("register", "FraudDetection", artifact, "--data", Path.GetDirectoryName(data)!, "--json");
        var promoted = await Cli("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "reviewer", "--json");

        // act
        var lineage = await Cli("lineage", "FraudDetection@1", "--json");
        var shown = await Cli("show", "FraudDetection@1", "--json");
        var shownUnevaluated = await Cli("show", "FraudDetection@2", "--json");
        var unevaluated = await Cli("lineage", "FraudDetection@2", "--json");
        var dataset = await Cli("lineage", "--dataset", data, "--json");
        var diff = await Cli("diff", "FraudDetection@1", "FraudDetection@2", "--json");
        var provenance = await Cli("provenance", "FraudDetection@1", "--output", Temp.Combine("provenance.json"), "--json");

        // assert
        Assert.All(new[] { first, second, promoted, lineage, unevaluated, dataset, diff, provenance }, r => Assert.Equal(0, r.ExitCode));
        AssertValid("lineage", lineage);
        AssertValid("lineage", unevaluated);
        AssertValid("show", shown);
        AssertValid("show", shownUnevaluated);
        AssertValid("dataset-lineage", dataset);
        AssertValid("diff", diff);
        AssertValid("provenance-file", provenance);
    }

    [Fact]
    public async Task A_restore_with_problems_still_prints_its_document()
    {
        await RegisterAsync("FraudDetection", "v1");

        var result = await Cli("restore", "FraudDetection", "--locked", "--lock-file", Temp.Combine("models.lock.json"), "--cache", Temp.Combine("cache"), "--json");

        Assert.Equal(1, result.ExitCode);
        AssertValid("restore", result);
    }
}
