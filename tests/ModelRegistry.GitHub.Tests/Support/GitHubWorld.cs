using ModelRegistry.GitHub.Api;
using ModelRegistry.GitHub.Tests.Fake;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>
/// The fake GitHub with its people and tokens, and clients for it whose retry delays are recorded instead of
/// waited for, so retry tests run in milliseconds and can still check how long the client would have waited.
/// </summary>
public sealed class GitHubWorld : IDisposable
{
    public GitHubWorld()
    {
        Server.AddToken(Tokens.Alice, new FakeToken("alice"));
        Server.AddToken(Tokens.Bob, new FakeToken("bob"));
        Server.AddToken(Tokens.Actions, new FakeToken("github-actions[bot]",
            new HashSet<string> { "actions:write", "deployments:write", "statuses:write", "pull-requests:write", "contents:read" }, Installation: true));
        Server.AddToken(Tokens.ReadOnly, new FakeToken("github-actions[bot]", new HashSet<string> { "actions:read" }, Installation: true));
    }

    public FakeGitHubServer Server { get; } = new();

    public List<TimeSpan> Delays { get; } = [];

    public GitHubSettings Settings(string token) => new()
    {
        Token = token,
        Repository = GitHubRepository.Parse(FakeGitHubServer.Repository),
        ApiUrl = Server.ApiUrl,
        ServerUrl = Server.ServerUrl,
    };

    public GitHubApi Api(string token = Tokens.Actions) => GitHubApi.Create(Settings(token), new RetryPolicy
    {
        Delay = (delay, _) =>
        {
            lock (Delays)
            {
                Delays.Add(delay);
            }

            return Task.CompletedTask;
        },
    });

    /// <summary>The environment variables a workflow step sees, pointed at the fake.</summary>
    public Dictionary<string, string?> WorkflowEnvironment(string token) => new()
    {
        ["GITHUB_TOKEN"] = token,
        ["GITHUB_REPOSITORY"] = FakeGitHubServer.Repository,
        ["GITHUB_API_URL"] = Server.ApiUrl.ToString().TrimEnd('/'),
        ["GITHUB_SERVER_URL"] = Server.ServerUrl.ToString().TrimEnd('/'),
    };

    public void Dispose() => Server.Dispose();
}
