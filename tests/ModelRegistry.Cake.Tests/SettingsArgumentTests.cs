using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;
using Xunit;

namespace ModelRegistry.Cake.Tests;

/// <summary>What each settings object puts on the CLI's command line, without a Cake host: paths made absolute
/// against the working directory, flags only when set, credentials never on the line.</summary>
public sealed class SettingsArgumentTests
{
    private static readonly ICakeEnvironment Environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());

    /// <summary>The words after the command, without the --json every run ends with, and the run's environment.</summary>
    private static (string Words, IReadOnlyDictionary<string, string> Environment) Render(ModelRegistrySettings settings)
    {
        var run = ModelRegistryRunner.Prepare(new CliCommandLine("command"), settings, Environment);
        Assert.Equal("--json", run.Arguments[^1]);
        return (string.Join(' ', run.Arguments.Skip(1).SkipLast(1)), run.Environment);
    }

    private static string Absolute(string relative) => new DirectoryPath(relative).MakeAbsolute(Environment).FullPath;

    [Fact]
    public void Restore_settings_give_absolute_paths_and_the_flags_that_are_set()
    {
        var settings = new ModelRegistryRestoreSettings { Registry = "registry", LockFile = "service/models.lock.json", Cache = "cache", Locked = true };

        var (rendered, _) = Render(settings);

        Assert.Equal($"--lock-file {Absolute("service")}/models.lock.json --cache {Absolute("cache")} --locked --registry {Absolute("registry")}", rendered);
    }

    [Fact]
    public void A_trust_policy_is_passed_as_an_absolute_path_to_restore_pull_and_resolve()
    {
        var restore = Render(new ModelRegistryRestoreSettings { Trust = "service/trust.json" }).Words;
        var pull = Render(new ModelRegistryPullSettings { AsOf = "7", Trust = "trust.json" }).Words;
        var resolve = Render(new ModelRegistryResolveSettings { Trust = "trust.json" }).Words;

        Assert.Equal($"--trust {Absolute("service")}/trust.json", restore);
        Assert.Equal($"--as-of 7 --trust {Absolute(".")}/trust.json", pull);
        Assert.Equal($"--trust {Absolute(".")}/trust.json", resolve);
    }

    [Fact]
    public void Schema_pins_are_passed_to_restore_as_model_and_absolute_path()
    {
        var restore = Render(new ModelRegistryRestoreSettings { Schemas = { ["FraudDetection"] = "schemas/fraud.json", ["Churn"] = "churn.json" } }).Words;

        Assert.Equal($"--schema FraudDetection={Absolute("schemas")}/fraud.json --schema Churn={Absolute(".")}/churn.json", restore);
    }

    [Fact]
    public void Unset_restore_settings_add_nothing_so_the_cli_defaults_apply()
    {
        Assert.Equal("", Render(new ModelRegistryRestoreSettings()).Words);
    }

    [Fact]
    public void A_registry_with_a_signature_never_reaches_the_command_line()
    {
        var settings = new ModelRegistryRestoreSettings { Registry = "https://acct.blob.core.windows.net/models?sv=2024-01-01&sig=SECRET", Refresh = true };

        var (rendered, environment) = Render(settings);

        Assert.Equal("--refresh", rendered);
        Assert.Equal(settings.Registry, environment[ModelRegistry.Faces.CliProcessEnvironment.RegistryVariable]);
    }

    [Fact]
    public void A_url_registry_goes_as_written()
    {
        var (rendered, _) = Render(new ModelRegistryResolveSettings { Registry = "https://acct.blob.core.windows.net/models", AsOf = "42" });

        Assert.Equal("--as-of 42 --registry https://acct.blob.core.windows.net/models", rendered);
    }

    [Fact]
    public void Report_settings_give_the_point_in_history_and_each_model()
    {
        var settings = new ModelRegistryReportSettings { Registry = "registry", AsOf = "2026-11-30T00:00:00Z", Models = ["FraudDetection", "Churn"] };

        Assert.Equal($"--as-of 2026-11-30T00:00:00Z --model FraudDetection --model Churn --registry {Absolute("registry")}", Render(settings).Words);
    }

    [Fact]
    public void Pull_request_gate_settings_give_the_site_the_comment_links_to()
    {
        var settings = new ModelRegistryPullRequestGateSettings { Stage = "Staging", ReportUrl = "https://contoso.github.io/models" };

        Assert.Equal("--stage Staging --report-url https://contoso.github.io/models", Render(settings).Words);
    }

    [Fact]
    public void Promote_settings_give_the_reason_that_allows_a_breaking_schema_beside_a_GitHub_gate()
    {
        var settings = new ModelRegistryPromoteSettings { GitHubPullRequest = 42, BreakingSchemaReason = "the service sends 8 features" };

        Assert.Equal("--allow-breaking-schema the service sends 8 features --github-pr 42", Render(settings).Words);
    }

    [Fact]
    public void Register_settings_give_every_option_of_the_shared_command_line_with_absolute_paths()
    {
        var settings = new ModelRegistryRegisterSettings
        {
            Label = "1.2.0",
            Command = "dotnet run",
            Metrics = "out/metrics.json",
            Thresholds = ["auc>=0.9"],
            Tags = { ["team"] = "risk" },
            Data = ["data/train.csv", "https://acct.blob.core.windows.net/data/train.csv"],
            Config = ["train.json"],
            RecordedVariables = ["SEED"],
            ContainerImage = "trainer@sha256:abc",
            Schema = "schema.json",
            ProjectDirectory = "src",
            Artifacts = [new FilePath("out/vocab.txt")],
        };

        var words = settings.CommandLine("FraudDetection", new FilePath("out/model.zip"), Environment).ToCommandLine();

        string[] expected =
        [
            "register", "FraudDetection", Absolute("out") + "/model.zip", Absolute("out") + "/vocab.txt",
            "--metrics", Absolute("out") + "/metrics.json", "--threshold", "auc>=0.9", "--label", "1.2.0", "--tag", "team=risk",
            "--command", "dotnet run", "--data", Absolute("data") + "/train.csv", "--data", "https://acct.blob.core.windows.net/data/train.csv",
            "--config", Absolute(".") + "/train.json", "--env", "SEED", "--container-image", "trainer@sha256:abc", "--schema", Absolute(".") + "/schema.json", "--project-dir", Absolute("src"),
        ];
        Assert.Equal(expected, words);
    }
}
