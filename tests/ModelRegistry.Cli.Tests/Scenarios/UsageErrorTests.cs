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

    [Theory]
    [InlineData("register", "A", "")]
    [InlineData("register", "A", "{model}", "")]
    [InlineData("register", "A", "{model}", "--metrics", "")]
    [InlineData("register", "A", "{model}", "--sign-key", "")]
    [InlineData("register", "A", "{model}", "--project-dir", "")]
    [InlineData("register", "A", "{model}", "--config", "")]
    [InlineData("pull", "A@1", "--output", "")]
    [InlineData("provenance", "A@1", "--output", "")]
    [InlineData("report", "--output", "")]
    [InlineData("resolve", "A@1", "--trust", "")]
    [InlineData("verify-signature", "A@1", "--trust", "")]
    [InlineData("restore", "A@1", "--lock-file", "")]
    [InlineData("restore", "A@1", "--cache", "")]
    [InlineData("copy", "A@1", "--to", "")]
    [InlineData("list", "--registry", "")]
    public async Task An_empty_path_is_a_usage_error_and_changes_nothing(params string[] args)
    {
        // arrange: a registry with one version, and a model file for the commands that register
        var model = Temp.WriteFile("model.bin", [1, 2, 3]);
        Assert.Equal(0, (await Cli("register", "A", model)).ExitCode);
        var before = Directory.GetFiles(Registry, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.tmp/", StringComparison.Ordinal)).Order().ToList();

        // act: the scenario's registry, unless the empty value under test is the registry's
        string[] registry = args.Contains("--registry") ? [] : ["--registry", Registry];
        var result = await Run([.. registry, .. args.Select(a => a == "{model}" ? model : a), "--json"]);
        AssertNoStackTrace(result);
        var document = OneDocument(result.Stdout);

        // assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1901", ErrorCode(document));
        Assert.Contains("needs a path: an empty value was given", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Registry, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.tmp/", StringComparison.Ordinal)).Order().ToList());
    }
}
