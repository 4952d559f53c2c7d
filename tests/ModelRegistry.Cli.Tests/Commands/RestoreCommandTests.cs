using System.Text.Json;

namespace ModelRegistry.Cli.Tests.Commands;

/// <summary><c>restore</c> through real CLI processes: one run for every reference of a project.</summary>
public sealed class RestoreCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Registry => temp.Combine("registry");

    private string LockFile => temp.Combine("models.lock.json");

    private Task<CliOutcome> RunAsync(params string[] args) => CliProcess.RunAsync(temp.Path, [.. args, "--registry", Registry]);

    private Task<CliOutcome> RestoreAsync(params string[] args) =>
        RunAsync(["restore", .. args, "--lock-file", LockFile, "--cache", temp.Combine("cache")]);

    private async Task RegisterAsync(string model, string content)
    {
        var artifact = temp.WriteFile(Path.Combine("work", model, "model.bin"), System.Text.Encoding.UTF8.GetBytes(content));
        var result = await RunAsync("register", model, artifact);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public async Task One_run_restores_every_reference_and_prints_what_it_pinned()
    {
        // arrange
        await RegisterAsync("FraudDetection", "fraud v1");
        await RunAsync("promote", "FraudDetection@1", "--to", "Staging");
        await RegisterAsync("Churn", "churn v1");

        // act
        var json = await RestoreAsync("FraudDetection@Staging", "Churn", "--json");
        var text = await RestoreAsync("FraudDetection@Staging", "Churn");

        // assert
        Assert.True(json.ExitCode == 0, json.Stderr);
        var document = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(document.GetProperty("lockWritten").GetBoolean());
        Assert.Equal(LockFile, document.GetProperty("lockFile").GetString());
        var models = document.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["FraudDetection", "Churn"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.All(models, m => Assert.Equal("resolved", m.GetProperty("change").GetString()));
        var fraud = models[0];
        Assert.Equal(("Staging", 1, true), (fraud.GetProperty("requested").GetString(), fraud.GetProperty("version").GetInt32(), fraud.GetProperty("pulled").GetBoolean()));
        Assert.Equal("fraud v1", File.ReadAllText(Path.Combine(fraud.GetProperty("path").GetString()!, "model.bin")));
        Assert.Empty(document.GetProperty("problems").EnumerateArray());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("FraudDetection@Staging pinned to version 1", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_over_an_unreadable_lock_warns_with_what_was_wrong_and_writes_it_anew()
    {
        // arrange
        await RegisterAsync("Churn", "churn v1");
        Directory.CreateDirectory(Path.GetDirectoryName(LockFile)!);
        File.WriteAllText(LockFile, "<<<<<<< HEAD\n{");

        // act
        var result = await RestoreAsync("Churn", "--refresh", "--json");

        // assert
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("warning MRB1618", result.Stderr, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("lockWritten").GetBoolean());
        Assert.Contains("\"Churn\"", File.ReadAllText(LockFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locked_mode_prints_every_problem_as_a_coded_error_and_exits_1()
    {
        // arrange
        await RegisterAsync("FraudDetection", "fraud v1");
        await RegisterAsync("Churn", "churn v1");
        Assert.Equal(0, (await RestoreAsync("FraudDetection")).ExitCode);
        await RegisterAsync("FraudDetection", "fraud v2");
        var before = File.ReadAllText(LockFile);

        // act
        var result = await RestoreAsync("FraudDetection", "Churn", "--locked", "--json");

        // assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MRB1601", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error MRB1602", result.Stderr, StringComparison.Ordinal);
        var problems = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("problems").EnumerateArray();
        Assert.Equal(["MRB1601", "MRB1602"], problems.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(before, File.ReadAllText(LockFile));
    }

    [Theory]
    [InlineData(2, "MRB1901", "FraudDetection", "--refresh", "--locked")]
    [InlineData(1, "MRB1002", "FraudDetection@")]
    [InlineData(1, "MRB1001", "bad/name")]
    public async Task A_restore_that_cannot_mean_what_was_meant_is_refused_and_writes_nothing(int exitCode, string code, params string[] args)
    {
        await RegisterAsync("FraudDetection", "fraud v1");

        var result = await RestoreAsync([.. args, "--json"]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(code, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(File.Exists(LockFile));
    }
}
