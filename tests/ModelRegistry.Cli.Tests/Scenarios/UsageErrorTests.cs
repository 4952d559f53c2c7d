namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>docs/cli.md's contract on every command: a wrong command line exits 2 with a coded MRB1901 on stderr, and
/// with --json also exactly one JSON error document on stdout.</summary>
public sealed class UsageErrorTests : Scenario
{
    [Theory]
    [InlineData("evaluate")]
    [InlineData("register")]
    [InlineData("show")]
    [InlineData("history")]
    [InlineData("promote")]
    [InlineData("promote", "request")]
    [InlineData("archive")]
    [InlineData("rollback")]
    [InlineData("alias")]
    [InlineData("alias", "set")]
    [InlineData("alias", "remove")]
    [InlineData("resolve")]
    [InlineData("pull")]
    [InlineData("diff")]
    [InlineData("provenance")]
    [InlineData("gate")]
    [InlineData("gate", "pull-request")]
    [InlineData("verify", "--no-such-option")]
    [InlineData("gc", "--no-such-option")]
    [InlineData("restore", "--no-such-option")]
    [InlineData("retention")]
    [InlineData("retention", "apply")]
    [InlineData("retention", "set", "--keep-last", "many")]
    [InlineData("report")]
    [InlineData("no-such-command")]
    public async Task A_wrong_command_line_is_one_json_error_document_and_exit_2(params string[] args)
    {
        var (result, document) = await Json(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1901", ErrorCode(document));
        Assert.StartsWith("error MRB1901: ", result.Stderr, StringComparison.Ordinal);
    }
}
