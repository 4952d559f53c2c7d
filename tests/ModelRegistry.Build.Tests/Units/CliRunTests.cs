using ModelRegistry.Faces;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

/// <summary>The run every face makes of the tool: its words, its environment, the log line and the reading of stderr and stdout.</summary>
public sealed class CliRunTests
{
    [Fact]
    public void A_plain_registry_goes_on_the_command_line_before_json()
    {
        var run = new CliRun(new CliCommandLine("resolve", "FraudDetection@Production"), "/srv/registry");

        Assert.Equal(["resolve", "FraudDetection@Production", "--registry", "/srv/registry", "--json"], run.Arguments);
        Assert.False(run.Environment.ContainsKey(CliProcessEnvironment.RegistryVariable));
        Assert.Equal("Major", run.Environment["DOTNET_ROLL_FORWARD"]);
        Assert.Equal("", run.Environment["GITHUB_OUTPUT"]);
    }

    [Fact]
    public void A_registry_with_a_signature_travels_in_the_environment_and_never_in_the_log_line()
    {
        const string registry = "https://acct.blob.core.windows.net/models?sv=2024-08-04&sig=SECRET";
        var run = new CliRun(new CliCommandLine("register", "M", "model.zip").Option("--data", "https://acct.blob.core.windows.net/d/x.csv?sig=OTHER"), registry);

        Assert.DoesNotContain(registry, run.Arguments);
        Assert.Equal(registry, run.Environment[CliProcessEnvironment.RegistryVariable]);
        Assert.DoesNotContain("SECRET", run.LoggedCommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHER", run.LoggedCommandLine, StringComparison.Ordinal);
        Assert.StartsWith("model-registry register M model.zip --data https://acct.blob.core.windows.net/d/x.csv?<redacted>", run.LoggedCommandLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("az://account/data/train.csv", "az://account/data/train.csv")]
    [InlineData("https://acct.blob.core.windows.net/d/x.csv?sig=S", "https://acct.blob.core.windows.net/d/x.csv?sig=S")]
    [InlineData("data/train.csv", "/work/data/train.csv")]
    public void A_training_input_keeps_its_uri_as_written_and_a_path_is_made_absolute_by_the_face(string written, string expected)
    {
        Assert.Equal(expected, RegisterCommandLine.DataLocation(written, path => "/work/" + path));
    }

    [Fact]
    public void Stderr_is_read_into_coded_diagnostics_and_other_lines_and_workflow_commands_are_dropped()
    {
        var run = new CliRun(new CliCommandLine("register"), null);
        run.ReadErrorLine("warning MRB1551: no git repository");
        run.ReadErrorLine("::error::MRB1203: auc>=0.9 missed");
        run.ReadErrorLine("error MRB1203: auc>=0.9 missed by 0.02");
        run.ReadErrorLine("Unhandled exception.");
        run.ReadErrorLine("");

        var result = run.Result(3, "{}");

        Assert.True(result.GateNotMet);
        Assert.Equal(["MRB1203: auc>=0.9 missed by 0.02"], result.Errors);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(["Unhandled exception."], result.OtherErrorLines);
    }

    [Fact]
    public void The_error_document_is_told_apart_from_a_result()
    {
        var run = new CliRun(new CliCommandLine("resolve"), null);

        var failed = run.Result(1, """{"error":{"code":"MRB1301","message":"no such version"}}""");
        var succeeded = run.Result(0, """{"model":"M","version":1}""");

        Assert.Equal(new ProblemDocument("MRB1301", "no such version"), failed.Problem());
        Assert.Null(succeeded.Problem());
    }

    [Fact]
    public void A_real_process_is_started_with_the_environment_and_its_output_read()
    {
        var run = new CliRun(new CliCommandLine("ignored"), null);
        var result = run.Start("/bin/sh", ["-c", "printf '{\"roll\":\"%s\"}' \"$DOTNET_ROLL_FORWARD\"; echo 'error MRB1999: from the tool' >&2; exit 1", "sh"], Path.GetTempPath());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("{\"roll\":\"Major\"}", result.StandardOutput.Trim());
        Assert.Equal(["MRB1999: from the tool"], result.Errors);
    }
}
