using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Queries;
using ModelRegistry.Lineage.Tests.Support;

namespace ModelRegistry.Lineage.Tests;

public sealed class ProvenanceTests : IDisposable
{
    private readonly TrainingRepo repo = new();

    public void Dispose() => repo.Dispose();

    private static readonly Func<string, string?> GitHubRun = Variables.Of(
        ("GITHUB_ACTIONS", "true"), ("GITHUB_RUN_ID", "555"), ("GITHUB_RUN_ATTEMPT", "1"), ("GITHUB_WORKFLOW", "Train"),
        ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "contoso/fraud"),
        ("GITHUB_WORKFLOW_REF", "contoso/fraud/.github/workflows/train.yml@refs/heads/main"));

    private async Task<JsonObject> StatementAsync(Func<string, string?>? variables = null)
    {
        Git.Run(repo.Root, "remote", "add", "origin", "https://x-access-token:ghs_TopSecret@github.com/contoso/fraud.git");
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train/part-1.csv", "1\n");
        repo.Write("data/holdout.csv", "h\n");
        repo.Write("train.json", "{\"lr\": 0.1}");
        var recipe = await repo.CaptureAsync(["data/train", "data/holdout.csv", "https://data.example.com/extra.parquet"], ["train.json"], variables, "python train.py");
        await repo.RegisterAsync("Fraud", recipe);
        return await new LineageQueries(await repo.OpenAsync()).ProvenanceAsync("Fraud@1");
    }

    /// <summary>Built once: the schema library keeps a process-wide registry of schemas by $id.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "slsa-provenance-v1.statement.schema.json"))));

    private static EvaluationResults Validate(JsonObject statement)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(statement.ToJsonString());
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    [Fact]
    public async Task Statement_satisfies_the_required_fields_of_in_toto_v1_and_slsa_provenance_v1()
    {
        var statement = await StatementAsync(GitHubRun);

        var result = Validate(statement);

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task Schema_rejects_a_statement_missing_a_required_field()
    {
        var statement = await StatementAsync();
        statement["predicate"]!["runDetails"]!["builder"]!.AsObject().Remove("id");

        Assert.False(Validate(statement).IsValid);
    }

    [Fact]
    public async Task Subjects_are_the_artifact_files_with_their_sha256()
    {
        var statement = await StatementAsync();
        var version = await (await repo.OpenAsync()).ResolveAsync("Fraud@1");

        var subject = Assert.Single(statement["subject"]!.AsArray())!;
        Assert.Equal("model.bin", subject["name"]!.GetValue<string>());
        Assert.Equal(version.Files.Single().Digest["sha256:".Length..], subject["digest"]!["sha256"]!.GetValue<string>());
        Assert.Equal(ProvenanceStatement.StatementType, statement["_type"]!.GetValue<string>());
        Assert.Equal(ProvenanceStatement.PredicateType, statement["predicateType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolved_dependencies_are_the_commit_and_the_datasets()
    {
        var statement = await StatementAsync();
        var lineage = await new LineageQueries(await repo.OpenAsync()).LineageAsync("Fraud@1");

        var dependencies = statement["predicate"]!["buildDefinition"]!["resolvedDependencies"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var code = dependencies.Single(d => d["name"]?.GetValue<string>() == "code");
        Assert.Equal("git+https://github.com/contoso/fraud.git@refs/heads/main", code["uri"]!.GetValue<string>());
        Assert.Equal(Git.Head(repo.Root), code["digest"]!["gitCommit"]!.GetValue<string>());
        var folder = dependencies.Single(d => d["name"]?.GetValue<string>() == "data/train");
        Assert.Equal(lineage.Recipe.Data[0].Digest!["sha256:".Length..], folder["digest"]!["sha256"]!.GetValue<string>());
        Assert.Equal("folder", folder["annotations"]!["kind"]!.GetValue<string>());
        Assert.NotNull(dependencies.Single(d => d["name"]?.GetValue<string>() == "data/holdout.csv")["digest"]!["sha256"]);
        Assert.Equal("https://data.example.com/extra.parquet", dependencies.Single(d => d["uri"]?.GetValue<string>() == "https://data.example.com/extra.parquet")["name"]!.GetValue<string>());
        Assert.Contains(dependencies, d => d["name"]?.GetValue<string>() == "train.json");
        Assert.DoesNotContain("ghs_TopSecret", statement.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_details_name_the_workflow_and_the_ci_run()
    {
        var statement = await StatementAsync(GitHubRun);

        var run = statement["predicate"]!["runDetails"]!;
        Assert.Equal("https://github.com/contoso/fraud/.github/workflows/train.yml@refs/heads/main", run["builder"]!["id"]!.GetValue<string>());
        Assert.Equal("https://github.com/contoso/fraud/actions/runs/555", run["metadata"]!["invocationId"]!.GetValue<string>());
        var external = statement["predicate"]!["buildDefinition"]!["externalParameters"]!;
        Assert.Equal("Fraud", external["model"]!.GetValue<string>());
        Assert.Equal("python train.py", external["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task Local_registration_names_the_local_builder_and_no_invocation()
    {
        var statement = await StatementAsync();

        var run = statement["predicate"]!["runDetails"]!;
        Assert.Equal(ProvenanceStatement.LocalBuilder, run["builder"]!["id"]!.GetValue<string>());
        Assert.Null(run["metadata"]!["invocationId"]);
    }
}
