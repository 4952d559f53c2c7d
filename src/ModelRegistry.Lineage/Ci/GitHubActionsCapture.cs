using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Ci;

/// <summary>The GitHub Actions run that registers, from the variables every job has. Null outside Actions.</summary>
internal static class GitHubActionsCapture
{
    public static CiRun? Capture(Func<string, string?> get)
    {
        if (!string.Equals(get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? Value(string name) => get(name) is { Length: > 0 } value ? value : null;
        var server = (Value("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
        var repository = Value("GITHUB_REPOSITORY");
        var runId = Value("GITHUB_RUN_ID");
        return new CiRun
        {
            Provider = "github-actions",
            RunId = runId,
            Attempt = Value("GITHUB_RUN_ATTEMPT"),
            Workflow = Value("GITHUB_WORKFLOW"),
            Job = Value("GITHUB_JOB"),
            Actor = Value("GITHUB_ACTOR"),
            Event = Value("GITHUB_EVENT_NAME"),
            Ref = Value("GITHUB_REF"),
            Sha = Value("GITHUB_SHA"),
            RunUrl = repository is not null && runId is not null ? $"{server}/{repository}/actions/runs/{runId}" : null,
            WorkflowRef = Value("GITHUB_WORKFLOW_REF"),
            Repository = repository,
        };
    }
}
