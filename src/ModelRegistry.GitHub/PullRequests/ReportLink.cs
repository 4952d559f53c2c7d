using ModelRegistry.Faces;
using ModelRegistry.Reports;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>Links from GitHub to the registry's static site (docs/report.md): a version's page under the site's address.</summary>
public static class ReportLink
{
    /// <summary>The site's address when <c>--report-url</c> is not given (a repository variable in the workflow templates).</summary>
    public const string Variable = "MODEL_REGISTRY_REPORT_URL";

    /// <summary>
    /// The site's address, or null when none is given. MRB1719 when it is not an http(s) address, or carries
    /// credentials, a query or a fragment, which a pull-request comment would show to everyone who can read it.
    /// </summary>
    public static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http")
            || site.UserInfo.Length > 0 || site.Query.Length > 0 || site.Fragment.Length > 0)
        {
            var shown = site is { Host.Length: > 0 } ? $"{site.Scheme}://{site.Host}{site.AbsolutePath}" : ArgumentRedaction.Redact(value);
            throw GitHubErrors.GitHubInvalidOption("--report-url", shown, "the http(s) address of the registry's site, with no credentials, query or fragment");
        }

        return site.AbsoluteUri.EndsWith('/') ? site : new Uri(site.AbsoluteUri + "/");
    }

    /// <summary>The page of one version under the site's address.</summary>
    public static string VersionPage(Uri site, string model, int version)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Uri(site, ReportPaths.VersionPage(model, version)).AbsoluteUri;
    }
}
