using System.Text.Json;
using Json.Schema;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>
/// The tool's real output, validated against the JSON Schemas published in docs/schemas (which a test of the engine
/// keeps equal to the contract's records): what a script, a pipeline or another language reads is what the schema says.
/// </summary>
public sealed class DocumentSchemaTests : Scenario
{
    private static string SchemaFolder { get; } = FindSchemas();

    private static string FindSchemas()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
            {
                return Path.Combine(folder.FullName, "docs", "schemas");
            }
        }

        throw new InvalidOperationException("The repository root (ModelRegistry.Build.sln) is not above the test assembly.");
    }

    private static void AssertValid(string schemaName, CliResult result)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, schemaName + ".schema.json")));
        using var document = JsonDocument.Parse(result.Stdout);
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(evaluation.IsValid, $"{schemaName}: " + string.Join("; ", errors) + "\n" + result.Stdout);
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
    public async Task A_restore_with_problems_still_prints_its_document()
    {
        await RegisterAsync("FraudDetection", "v1");

        var result = await Cli("restore", "FraudDetection", "--locked", "--lock-file", Temp.Combine("models.lock.json"), "--cache", Temp.Combine("cache"), "--json");

        Assert.Equal(1, result.ExitCode);
        AssertValid("restore", result);
    }
}
