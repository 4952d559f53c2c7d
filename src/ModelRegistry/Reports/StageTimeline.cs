using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>Which version held each stage when: every stage move, requested and rejected promotion, with its approval;
/// rollbacks marked (<c>tr.rollback</c>).</summary>
internal static class StageTimeline
{
    public static string Render(ReportModel model, HtmlPage page)
    {
        var table = Table(model, model.StageMoves, page);
        return table.Rows == 0
            ? "<section id=\"timeline\"><h2>Stage timeline</h2><p>No version has moved between stages.</p></section>"
            : $"<section id=\"timeline\"><h2>Stage timeline</h2>\n{table}\n</section>";
    }

    /// <summary>The moves as a table; the version page shows the same for the moves of one version.</summary>
    public static HtmlTable Table(ReportModel model, IEnumerable<LogEntry> moves, HtmlPage page)
    {
        var table = new HtmlTable("class=\"timeline\"", "revision", "time", "version", "change", "approval", "actor", "reason");
        foreach (var entry in moves)
        {
            var rollback = model.IsRollback(entry);
            var version = entry.Version is { } v ? $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, v))}\">{Formats.Integer(v)}</a>" : "";
            table.Row(
                $"data-revision=\"{Formats.Integer(entry.Revision)}\"{(rollback ? " class=\"rollback\"" : "")}",
                Formats.Integer(entry.Revision),
                $"<time datetime=\"{Formats.Iso(entry.Time)}\">{Formats.Time(entry.Time)}</time>",
                version,
                $"<td class=\"text\">{EntryText.Describe(entry)}{(rollback ? " <span class=\"badge rollback\">rollback</span>" : "")}</td>",
                $"<td class=\"text\">{EntryText.Evidence(entry)}</td>",
                $"<td class=\"text\">{Html.Encode(entry.Actor)}</td>",
                $"<td class=\"text\">{Html.Encode(entry.Reason)}</td>");
        }

        return table;
    }
}
