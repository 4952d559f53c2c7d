namespace ModelRegistry.GitHub;

/// <summary>
/// Where and as whom to call GitHub. Values given on the command line win over the variables GitHub Actions sets
/// (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL), so the same command works in a workflow
/// and on a laptop.
/// </summary>
public sealed record GitHubSettings
{
    public const string PublicApiUrl = "https://api.github.com/";

    public required string Token { get; init; }

    public required GitHubRepository Repository { get; init; }

    /// <summary>The REST API root, ending in '/': https://api.github.com/ or https://ghe.example.com/api/v3/.</summary>
    public Uri ApiUrl { get; init; } = new(PublicApiUrl);

    /// <summary>The web root for links: https://github.com/ or the Enterprise host.</summary>
    public Uri ServerUrl { get; init; } = new("https://github.com/");

    public static GitHubSettings Resolve(string command, string? token, string? repository, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var resolvedToken = NonEmpty(token) ?? NonEmpty(environment("GITHUB_TOKEN")) ?? throw GitHubErrors.GitHubTokenMissing(command);
        var resolvedRepository = GitHubRepository.Parse(NonEmpty(repository) ?? NonEmpty(environment("GITHUB_REPOSITORY")) ?? "");
        return new GitHubSettings
        {
            Token = resolvedToken,
            Repository = resolvedRepository,
            ApiUrl = Root("GITHUB_API_URL", NonEmpty(environment("GITHUB_API_URL")) ?? PublicApiUrl),
            ServerUrl = Root("GITHUB_SERVER_URL", NonEmpty(environment("GITHUB_SERVER_URL")) ?? "https://github.com/"),
        };
    }

    /// <summary>The run page of a workflow run, for links in evidence and summaries.</summary>
    public string RunUrl(long runId) => new Uri(ServerUrl, $"{Repository}/actions/runs/{runId}").ToString();

    /// <summary>A relative path resolves under a base only when the base ends in '/': without it
    /// https://ghe/api/v3 + repos/... would become https://ghe/api/repos/....</summary>
    private static Uri Root(string name, string value)
    {
        var text = value.EndsWith('/') ? value : value + "/";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            // The value is not echoed when it carries credentials: the error would print them.
            throw GitHubErrors.GitHubInvalidOption(name, uri?.UserInfo.Length > 0 ? "(a URL with credentials)" : value, "give an http(s) URL without credentials, such as https://api.github.com");
        }

        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
