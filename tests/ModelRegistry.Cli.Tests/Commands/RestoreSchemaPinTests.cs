using System.Text;
using System.Text.Json;

namespace ModelRegistry.Cli.Tests.Commands;

/// <summary><c>restore --schema model=file</c> through real CLI processes: a version is held to the schema its consumer
/// was written against before anything is installed or the lock changes.</summary>
public sealed class RestoreSchemaPinTests : IDisposable
{
    private const string FourFeatures = """
        { "inputs": [{ "name": "Features", "type": "float", "shape": [4] }],
          "outputs": [{ "name": "Score", "type": "float" }] }
        """;

    private const string FourFeaturesAndProbability = """
        { "inputs": [{ "name": "Features", "type": "float", "shape": [4] }],
          "outputs": [{ "name": "Score", "type": "float" }, { "name": "Probability", "type": "float" }] }
        """;

    private const string EightFeaturesRenamedScore = """
        { "inputs": [{ "name": "Features", "type": "float", "shape": [8] }],
          "outputs": [{ "name": "RawScore", "type": "float" }] }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string LockFile => temp.Combine("models.lock.json");

    private string Cache => temp.Combine("cache");

    private Task<CliOutcome> RunAsync(params string[] args) => CliProcess.RunAsync(temp.Path, [.. args, "--registry", temp.Combine("registry")]);

    private Task<CliOutcome> RestoreAsync(params string[] args) =>
        RunAsync(["restore", .. args, "--lock-file", LockFile, "--cache", Cache, "--json"]);

    private int registered;

    private async Task RegisterAsync(string content, string? schema)
    {
        var artifact = temp.WriteFile(Path.Combine("work", content, "model.bin"), Encoding.UTF8.GetBytes(content));
        string[] declared = schema is null ? [] : ["--schema", temp.WriteFile(Path.Combine("work", content, "schema.json"), Encoding.UTF8.GetBytes(schema))];
        var registration = await RunAsync(["register", "FraudDetection", artifact, .. declared]);
        Assert.True(registration.ExitCode == 0, registration.Stderr);
        var promoted = await RunAsync("promote", $"FraudDetection@{++registered}", "--to", "Production", "--approved-by", "alice");
        Assert.True(promoted.ExitCode == 0, promoted.Stderr);
    }

    private string Pin(string schema) => temp.WriteFile(Path.Combine("service", "schemas", "fraud.json"), Encoding.UTF8.GetBytes(schema));

    [Fact]
    public async Task A_version_with_an_added_output_passes_the_pin_and_the_lock_records_its_schema_and_the_pin()
    {
        // arrange
        await RegisterAsync("fraud v1", FourFeaturesAndProbability);
        var pin = Pin(FourFeatures);

        // act
        var result = await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={pin}");

        // assert
        Assert.True(result.ExitCode == 0, result.Stderr);
        var restored = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("models")[0];
        Assert.Equal(["Score", "Probability"], restored.GetProperty("schema").GetProperty("outputs").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var entry = ModelRegistry.Runtime.ModelLockFile.Read(LockFile)!.Models.Single();
        Assert.Equal(ModelRegistry.Runtime.SchemaPinFingerprint.Of(pin), entry.SchemaPin);
        Assert.Equal(restored.GetProperty("schemaPin").GetString(), entry.SchemaPin);
        Assert.Equal([4L], entry.Schema!.Inputs.Single().Shape);
    }

    [Fact]
    public async Task A_version_that_breaks_the_pin_is_refused_listing_every_difference_with_nothing_installed_and_the_lock_unchanged()
    {
        // arrange: the service restored version 1 once; version 2 reaches Production with another schema
        await RegisterAsync("fraud v1", FourFeatures);
        var pin = Pin(FourFeatures);
        Assert.Equal(0, (await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={pin}")).ExitCode);
        var before = File.ReadAllText(LockFile);
        await RegisterAsync("fraud v2", EightFeaturesRenamedScore);

        // act
        var result = await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={pin}", "--refresh");

        // assert
        Assert.Equal(1, result.ExitCode);
        var problem = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("MRB2110", problem.GetProperty("code").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.Contains("version 2", message, StringComparison.Ordinal);
        Assert.Contains("input Features: shape [4] -> [8]", message, StringComparison.Ordinal);
        Assert.Contains("output Score: removed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("RawScore", message, StringComparison.Ordinal);
        Assert.Contains("error MRB2110", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(LockFile));
        Assert.DoesNotContain(Directory.EnumerateFiles(Cache, "model.bin", SearchOption.AllDirectories), f => File.ReadAllText(f) == "fraud v2");
    }

    [Fact]
    public async Task Locked_mode_checks_the_pin_against_the_locked_version()
    {
        // arrange: the lock pins version 1; the pin is then edited to a schema the version does not have
        await RegisterAsync("fraud v1", FourFeatures);
        var pin = Pin(FourFeatures);
        Assert.Equal(0, (await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={pin}")).ExitCode);
        var before = File.ReadAllText(LockFile);
        Pin(EightFeaturesRenamedScore);

        // act
        var passing = await RestoreAsync("FraudDetection@Production", "--locked");
        var failing = await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={pin}", "--locked");

        // assert
        Assert.True(passing.ExitCode == 0, passing.Stderr);
        Assert.Equal(1, failing.ExitCode);
        var problem = JsonDocument.Parse(failing.Stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("MRB2110", problem.GetProperty("code").GetString());
        Assert.Contains("input Features: shape [8] -> [4]", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(LockFile));
    }

    [Fact]
    public async Task A_version_without_a_schema_fails_a_pin_as_schema_missing()
    {
        await RegisterAsync("fraud v1", schema: null);

        var result = await RestoreAsync("FraudDetection@Production", "--schema", $"FraudDetection={Pin(FourFeatures)}");

        Assert.Equal(1, result.ExitCode);
        var problem = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("MRB2111", problem.GetProperty("code").GetString());
        Assert.Contains("records no schema", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(LockFile));
        Assert.False(Directory.Exists(Cache) && Directory.EnumerateFiles(Cache, "model.bin", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("FraudDetection", "MRB1901")]
    [InlineData("Churn=schemas/fraud.json", "MRB2112")]
    public async Task A_schema_option_that_names_no_pin_of_a_reference_is_refused(string option, string code)
    {
        await RegisterAsync("fraud v1", FourFeatures);

        var result = await RestoreAsync("FraudDetection@Production", "--schema", option);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(code, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(File.Exists(LockFile));
    }
}
