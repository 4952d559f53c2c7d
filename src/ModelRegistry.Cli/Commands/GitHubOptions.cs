using System.CommandLine;
using ModelRegistry.GitHub;

namespace ModelRegistry.Cli.Commands;

/// <summary>How a command reaches GitHub: --github-token and --github-repository, else GITHUB_TOKEN and
/// GITHUB_REPOSITORY as GitHub Actions sets them; the API root from GITHUB_API_URL (GitHub Enterprise).</summary>
internal sealed class GitHubOptions
{
    public Option<string?> Token { get; } = new("--github-token")
    {
        Description = "GitHub token. Default: $GITHUB_TOKEN. Prefer the variable: a command line is visible to other processes.",
    };

    public Option<string?> Repository { get; } = new("--github-repository")
    {
        Description = "The GitHub repository, owner/name. Default: $GITHUB_REPOSITORY.",
    };

    public IEnumerable<Option> All => [Token, Repository];

    public GitHubSettings Settings(ParseResult parse, string command) =>
        GitHubSettings.Resolve(command, parse.GetValue(Token), parse.GetValue(Repository));

    /// <summary>The page of the run this command runs in, when it runs in GitHub Actions.</summary>
    public static string? CurrentRunUrl()
    {
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var run = Environment.GetEnvironmentVariable("GITHUB_RUN_ID");
        return Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" && server is { Length: > 0 } && repository is { Length: > 0 } && run is { Length: > 0 }
            ? $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}"
            : null;
    }
}
