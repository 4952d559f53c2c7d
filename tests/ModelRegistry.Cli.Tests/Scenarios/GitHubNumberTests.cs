namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Run ids and pull-request numbers are positive: a zero or negative one is a usage error found before any
/// token is asked for or any request is sent.</summary>
public sealed class GitHubNumberTests : Scenario
{
    [Theory]
    [InlineData("promote", "FraudDetection@1", "--to", "Production", "--github-pr", "0")]
    [InlineData("promote", "FraudDetection@1", "--to", "Production", "--github-run", "-5")]
    [InlineData("rollback", "FraudDetection", "--github-run", "0")]
    [InlineData("gate", "pull-request", "--pr", "-1", "--candidate", "FraudDetection@1")]
    public async Task A_number_below_one_is_refused_before_github_is_asked(params string[] args)
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, document) = await Json(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1719", ErrorCode(document));
    }

    [Fact]
    public async Task A_missing_token_names_the_command_that_needs_it()
    {
        await RegisterAsync("FraudDetection", "v1");
        await RegisterAsync("FraudDetection", "v2");
        await Json("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice");
        await Json("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "alice");

        var (result, _) = await Json("rollback", "FraudDetection", "--github-run", "5");

        Assert.Contains("'rollback' needs a GitHub token", result.Stderr, StringComparison.Ordinal);
    }
}
