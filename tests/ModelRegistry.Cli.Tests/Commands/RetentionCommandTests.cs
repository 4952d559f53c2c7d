using System.Text.Json;

namespace ModelRegistry.Cli.Tests.Commands;

/// <summary><c>retention set|clear|show</c> and the gc that applies it, through real CLI processes.</summary>
public sealed class RetentionCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Registry => temp.Combine("registry");

    private Task<CliOutcome> RunAsync(params string[] args) => CliProcess.RunAsync(temp.Path, [.. args, "--registry", Registry]);

    private static JsonElement Json(CliOutcome result) => JsonDocument.Parse(result.Stdout).RootElement;

    [Fact]
    public async Task Policies_are_set_per_registry_and_model_shown_and_kept_as_history()
    {
        var set = await RunAsync("retention", "set", "--keep-last", "5", "--keep-production-for", "365d", "--reason", "storage costs", "--json");
        var own = await RunAsync("retention", "set", "FraudDetection", "--keep-labelled", "--keep-last", "20", "--json");
        var shown = await RunAsync("retention", "show", "FraudDetection", "--json");
        var text = await RunAsync("retention", "show");
        var history = await RunAsync("retention", "show", "--history", "--json");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(1, Json(set).GetProperty("revision").GetProperty("revision").GetInt64());
        Assert.Equal(0, own.ExitCode);
        Assert.Equal("--keep-last 20 --keep-labelled --keep-production-for 365d", Json(shown).GetProperty("applies").GetString());
        Assert.Contains("default  --keep-last 5 --keep-production-for 365d", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("FraudDetection  --keep-last 20 --keep-labelled", text.Stdout, StringComparison.Ordinal);
        var revisions = Json(history).EnumerateArray().ToList();
        Assert.Equal(2, revisions.Count);
        Assert.Equal("storage costs", revisions[0].GetProperty("reason").GetString());
        Assert.Equal("FraudDetection", revisions[1].GetProperty("model").GetString());

        var cleared = await RunAsync("retention", "clear", "FraudDetection", "--json");
        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal("--keep-last 5 --keep-production-for 365d", Json(await RunAsync("retention", "show", "FraudDetection", "--json")).GetProperty("applies").GetString());
    }

    [Theory]
    [InlineData(2, "MRB1231", "retention", "set")]
    [InlineData(2, "MRB1231", "retention", "set", "--keep-last", "0")]
    [InlineData(2, "MRB1231", "retention", "set", "--keep-days", "-1")]
    [InlineData(2, "MRB1210", "retention", "set", "--keep-production-for", "a year")]
    [InlineData(1, "MRB1001", "retention", "set", "bad/name", "--keep-last", "2")]
    public async Task A_policy_that_cannot_mean_what_was_meant_is_refused_and_nothing_is_written(int exitCode, string code, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains($"error {code}", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Registry, "retention")));
    }

    [Fact]
    public async Task Gc_plans_purges_and_the_purged_version_answers_with_a_coded_error_until_registered_again()
    {
        var artifacts = Enumerable.Range(1, 3).Select(i => temp.WriteFile(Path.Combine($"v{i}", "model.bin"), System.Text.Encoding.UTF8.GetBytes($"weights {i}"))).ToList();
        foreach (var artifact in artifacts)
        {
            Assert.Equal(0, (await RunAsync("register", "FraudDetection", artifact)).ExitCode);
        }

        Assert.Equal(0, (await RunAsync("retention", "set", "--keep-last", "1")).ExitCode);
        foreach (var file in Directory.EnumerateFiles(Registry, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        var plan = await RunAsync("gc");
        var applied = await RunAsync("gc", "--apply", "--json");
        var pull = await RunAsync("pull", "FraudDetection@1", "--output", temp.Combine("out"));
        var resolve = await RunAsync("resolve", "FraudDetection@2", "--json");
        var show = await RunAsync("show", "FraudDetection@1", "--json");
        var history = await RunAsync("history", "FraudDetection");

        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("Would purge version(s) 1, 2", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("3        among the last 1", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("run again with --apply", plan.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, applied.ExitCode);
        var model = Assert.Single(Json(applied).GetProperty("models").EnumerateArray());
        Assert.Equal([1, 2], model.GetProperty("purge").EnumerateArray().Select(p => p.GetProperty("version").GetInt32()));
        Assert.Equal(4, model.GetProperty("purgeRevision").GetInt64());
        Assert.Equal(2, Json(applied).GetProperty("unnamed").GetArrayLength());
        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("error MRB1230: FraudDetection version 1 was purged by retention in revision 4", pull.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, resolve.ExitCode);
        Assert.Equal("MRB1230", Json(resolve).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(4, Json(show).GetProperty("purgedBy").GetInt64());
        Assert.Contains("purged the files of version(s) 1, 2 (retention policy revision 1)", history.Stdout, StringComparison.Ordinal);

        var again = await RunAsync("register", "FraudDetection", artifacts[0], "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.True(Json(again).GetProperty("restored").GetBoolean());
        Assert.Equal(1, Json(again).GetProperty("version").GetInt32());
        Assert.Equal(0, (await RunAsync("pull", "FraudDetection@1", "--output", temp.Combine("out"))).ExitCode);
        Assert.Equal("weights 1", File.ReadAllText(temp.Combine("out", "model.bin")));
        Assert.Equal(0, (await RunAsync("verify")).ExitCode);
    }

    [Fact]
    public async Task A_policy_file_is_planned_before_it_is_applied_and_applying_it_twice_changes_nothing()
    {
        for (var i = 1; i <= 3; i++)
        {
            var artifact = temp.WriteFile(Path.Combine($"w{i}", "model.bin"), System.Text.Encoding.UTF8.GetBytes($"weights {i}"));
            Assert.Equal(0, (await RunAsync("register", "FraudDetection", artifact)).ExitCode);
        }

        var policy = temp.WriteFile("retention.json", System.Text.Encoding.UTF8.GetBytes("""
            { "default": { "keepLast": 5, "keepProductionFor": "365d" }, "models": { "FraudDetection": { "keepLast": 1 } } }
            """));

        var plan = await RunAsync("gc", "--policy", policy, "--json");
        Assert.False(Directory.Exists(Path.Combine(Registry, "retention")));
        var refused = await RunAsync("gc", "--policy", policy, "--apply");
        var applied = await RunAsync("retention", "apply", policy, "--reason", "reviewed in a pull request", "--json");
        var again = await RunAsync("retention", "apply", policy, "--json");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal([1, 2], Json(plan).GetProperty("models")[0].GetProperty("purge").EnumerateArray().Select(p => p.GetProperty("version").GetInt32()));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("error MRB1231", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, applied.ExitCode);
        Assert.Equal(1, Json(applied).GetProperty("revision").GetProperty("revision").GetInt64());
        Assert.Equal(1, Json(again).GetProperty("revision").GetProperty("revision").GetInt64());
        Assert.Equal("--keep-last 1 --keep-production-for 365d", Json(await RunAsync("retention", "show", "FraudDetection", "--json")).GetProperty("applies").GetString());

        var broken = temp.WriteFile("broken.json", System.Text.Encoding.UTF8.GetBytes("""{ "default": { "keepLast": "ten" } }"""));
        var unreadable = await RunAsync("retention", "apply", broken);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("error MRB1231", unreadable.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.json", unreadable.Stderr, StringComparison.Ordinal);
    }
}
