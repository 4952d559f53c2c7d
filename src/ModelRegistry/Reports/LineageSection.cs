namespace ModelRegistry.Reports;

/// <summary>The lineage of a model's versions: each commit and each dataset (by digest), with the versions made from it.</summary>
internal static class LineageSection
{
    public static string Render(ReportModel model, HtmlPage page)
    {
        var commits = new HtmlTable("class=\"lineage-commits\"", "commit", "repository", "versions");
        foreach (var group in model.Versions.Where(v => v.Record.Recipe.Code?.Commit is not null)
            .GroupBy(v => (v.Record.Recipe.Code!.RepositoryUrl, v.Record.Recipe.Code.Commit!)).OrderBy(g => g.Min(v => v.Number)))
        {
            var (repository, commit) = group.Key;
            commits.Row("", $"<code>{Html.Link(RecipeFields.CommitUrl(repository, commit), commit)}</code>", $"<td class=\"text\">{Html.Encode(repository)}</td>", Versions(model, group, page));
        }

        var datasets = new HtmlTable("class=\"lineage-data\"", "dataset", "digest", "versions");
        foreach (var group in model.Versions.SelectMany(v => v.Record.Recipe.Data.Select(d => (Data: d, Version: v)))
            .GroupBy(x => (x.Data.Source, Identity: x.Data.ContentIdentity() ?? x.Data.Kind)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Min(x => x.Version.Number)))
        {
            datasets.Row("", $"<td class=\"text\">{Html.Encode(group.Key.Source)}</td>", $"<code>{Html.Encode(group.Key.Identity)}</code>", Versions(model, group.Select(x => x.Version), page));
        }

        return "<section id=\"lineage\"><h2>Lineage</h2>\n" + LineageGraph.Render(model, page) + "\n<h3>Code</h3>\n"
            + (commits.Rows == 0 ? "<p>No version recorded a commit.</p>" : commits.ToString())
            + "\n<h3>Data</h3>\n"
            + (datasets.Rows == 0 ? "<p>No version declared training data.</p>" : datasets.ToString())
            + "\n</section>";
    }

    private static string Versions(ReportModel model, IEnumerable<ReportVersion> versions, HtmlPage page) =>
        string.Join(", ", versions.Select(v => v.Number).Distinct().Order().Select(n => $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, n))}\">{Formats.Integer(n)}</a>"));
}
