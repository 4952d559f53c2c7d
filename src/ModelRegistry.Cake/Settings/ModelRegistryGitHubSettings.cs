using Cake.Core;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>
/// Settings of the commands that talk to GitHub (promotion through an environment or a pull request, promotion
/// requests, the pull-request gate): the token and the repository. In GitHub Actions both default to the run's
/// <c>GITHUB_TOKEN</c> and <c>GITHUB_REPOSITORY</c>.
/// </summary>
public abstract class ModelRegistryGitHubSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets or sets the GitHub token. It reaches the CLI as its <c>GITHUB_TOKEN</c> environment variable, never on the
    /// command line (which other processes and Cake's log can see). Default: the <c>GITHUB_TOKEN</c> Cake runs with.
    /// </summary>
    public string? GitHubToken { get; set; }

    /// <summary>Gets or sets the repository, <c>owner/name</c>. CLI flag: <c>--github-repository</c>. Default: <c>$GITHUB_REPOSITORY</c>.</summary>
    public string? GitHubRepository { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--github-repository", GitHubRepository);
    }

    internal override IEnumerable<KeyValuePair<string, string>> ProcessEnvironment() =>
        string.IsNullOrEmpty(GitHubToken) ? [] : [new("GITHUB_TOKEN", GitHubToken)];
}
