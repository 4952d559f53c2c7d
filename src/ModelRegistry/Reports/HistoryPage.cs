namespace ModelRegistry.Reports;

/// <summary>Every revision of a model, oldest first, each linked to the version it names; a filter box narrows the rows.</summary>
internal static class HistoryPage
{
    public static byte[] Render(ReportModel model)
    {
        var path = ReportPaths.HistoryPage(model.Name);
        var page = new HtmlPage(path);
        page.Raw($"<h1>History of {Html.Encode(model.Name)}</h1>");
        page.Raw("<p><label for=\"history-filter\">Filter</label> <input type=\"search\" id=\"history-filter\" placeholder=\"version, actor, stage, reason…\"></p>");
        var table = new HtmlTable("id=\"history\" class=\"history\"", "revision", "time", "actor", "change", "version", "approval", "reason");
        foreach (var entry in model.History)
        {
            var versions = entry.Version is { } v ? [v] : entry.Versions ?? [];
            table.Row(
                $"data-revision=\"{Formats.Integer(entry.Revision)}\"{(model.IsRollback(entry) ? " class=\"rollback\"" : "")}",
                Formats.Integer(entry.Revision),
                $"<time datetime=\"{Formats.Iso(entry.Time)}\">{Formats.Time(entry.Time)}</time>",
                $"<td class=\"text\">{Html.Encode(entry.Actor)}</td>",
                $"<td class=\"text\">{EntryText.Describe(entry)}</td>",
                string.Join(", ", versions.Where(n => model.Version(n) is not null).Select(n => $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, n))}\">{Formats.Integer(n)}</a>")),
                $"<td class=\"text\">{EntryText.Evidence(entry)}</td>",
                $"<td class=\"text\">{Html.Encode(entry.Reason)}</td>");
        }

        page.Raw(table.ToString());
        return page.Render("history", $"History of {model.Name}", [(model.Name, ReportPaths.ModelPage(model.Name)), ("history", path)]);
    }
}
