using System.Text.RegularExpressions;
using ModelRegistry.Recipes;

namespace ModelRegistry.Reports;

/// <summary>
/// A recipe as named fields (<c>code.commit</c>, <c>data:train.csv</c>, <c>environment.runtime</c>, …), in a fixed
/// order: what the version page lists and the comparison sets side by side. A field may carry a link: the commit on
/// GitHub when the remote is GitHub, the CI run.
/// </summary>
internal static partial class RecipeFields
{
    public sealed record Field(string Name, string Value, string? Url = null);

    [GeneratedRegex(@"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubRemote();

    [GeneratedRegex("^[0-9a-f]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitId();

    public static IReadOnlyList<Field> Of(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var fields = new List<Field>();
        void Add(string name, string? value, string? url = null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields.Add(new Field(name, value, url));
            }
        }

        if (recipe.Code is { } code)
        {
            Add("code.repository", code.RepositoryUrl, Html.SafeUrl(code.RepositoryUrl));
            Add("code.commit", code.Commit, CommitUrl(code.RepositoryUrl, code.Commit));
            Add("code.branch", code.Branch);
            Add("code.tag", code.Tag);
            Add("code.dirty", code.Dirty ? "yes" + (code.DirtyDigest is null ? "" : $" ({code.DirtyDigest})") : null);
            Add("code.projectPath", code.ProjectPath);
            Add("code.shallow", code.Shallow ? "yes" : null);
        }

        foreach (var data in recipe.Data.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            Add($"data:{data.Source}", data.ContentIdentity() ?? data.Kind);
        }

        foreach (var config in recipe.Config.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            Add($"config:{config.Path}", config.Digest);
        }

        Add("command", recipe.Command);
        if (recipe.Environment is { } environment)
        {
            Add("environment.os", environment.Os);
            Add("environment.architecture", environment.Architecture);
            Add("environment.runtime", environment.Runtime);
            Add("environment.containerImage", environment.ContainerImage);
            foreach (var lockFile in environment.LockFiles.OrderBy(l => l.Path, StringComparer.Ordinal))
            {
                Add($"environment.lockFile:{lockFile.Path}", lockFile.Digest);
            }

            foreach (var (name, value) in environment.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                Add($"environment.variable:{name}", value);
            }
        }

        if (recipe.Ci is { } ci)
        {
            Add("ci.provider", ci.Provider);
            Add("ci.workflow", ci.Workflow);
            Add("ci.run", ci.RunId is null ? ci.RunUrl : ci.RunId + (ci.Attempt is null ? "" : $" (attempt {ci.Attempt})"), Html.SafeUrl(ci.RunUrl));
            Add("ci.actor", ci.Actor);
            Add("ci.event", ci.Event);
            Add("ci.ref", ci.Ref);
        }

        return fields;
    }

    /// <summary>The commit's page on GitHub, when the remote is a GitHub repository and the commit a hex id.</summary>
    public static string? CommitUrl(string? repositoryUrl, string? commit) =>
        repositoryUrl is not null && commit is not null && CommitId().IsMatch(commit) && GitHubRemote().Match(repositoryUrl) is { Success: true } match
            ? $"https://github.com/{match.Groups["repo"].Value}/commit/{commit}"
            : null;
}
