using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>
/// A model's page: its versions table (<c>tr[data-version]</c>, <c>td[data-metric]</c>), the comparison of two
/// versions, the stage timeline, a chart per metric and the lineage of its versions.
/// </summary>
internal static class ModelPage
{
    /// <summary>Metric columns the versions table shows at most (every metric has its chart and table below).</summary>
    private const int KeyMetrics = 6;

    public static byte[] Render(ReportModel model, IReadOnlyList<string> stages)
    {
        var page = new HtmlPage(ReportPaths.ModelPage(model.Name));
        page.Raw($"<h1>{Html.Encode(model.Name)}</h1>");
        page.Raw(Holders(model, stages, page));
        page.Raw($"<p><a href=\"{page.Href(ReportPaths.HistoryPage(model.Name))}\">Every revision of {Html.Encode(model.Name)}</a></p>");
        page.Raw(VersionsTable(model, page));
        page.Raw(Comparison(model));
        page.Raw(StageTimeline.Render(model, page));
        page.Raw("<section id=\"charts\"><h2>Metrics across versions</h2>");
        foreach (var metric in model.MetricNames)
        {
            var points = model.Versions
                .Where(v => v.Info.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value))
                .Select(v => new SvgChart.Point(v.Number, v.Info.Metrics[metric], HeldStages(model, v.Number, stages)))
                .ToList();
            if (points.Count > 0)
            {
                page.Raw(SvgChart.Figure(metric, points, [.. model.Thresholds.Where(t => t.Metric == metric)], n => page.Href(ReportPaths.VersionPage(model.Name, n))));
            }
        }

        page.Raw("</section>");
        page.Raw(LineageSection.Render(model, page));
        return page.Render("model", model.Name, [(model.Name, ReportPaths.ModelPage(model.Name))]);
    }

    /// <summary>The metrics the versions table shows: the main one first, then the others in ordinal order.</summary>
    public static IReadOnlyList<string> KeyMetricsOf(ReportModel model) =>
        [.. (model.MainMetric is { } main ? new[] { main } : []).Concat(model.MetricNames).Distinct(StringComparer.Ordinal).Take(KeyMetrics)];

    private static string? HeldStages(ReportModel model, int version, IReadOnlyList<string> stages)
    {
        var held = stages.Where(s => model.Holder(s) == version).ToList();
        return held.Count == 0 ? null : string.Join(", ", held);
    }

    private static string Holders(ReportModel model, IReadOnlyList<string> stages, HtmlPage page)
    {
        var items = stages.Select(stage => $"<dt>{Html.Encode(stage)}</dt><dd data-stage=\"{Html.Encode(stage)}\">"
            + (model.Holder(stage) is { } v ? $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, v))}\">{Formats.Integer(v)}</a>" : "")
            + "</dd>");
        return $"<dl class=\"holders\">{string.Concat(items)}</dl>";
    }

    private static string VersionsTable(ReportModel model, HtmlPage page)
    {
        var metrics = KeyMetricsOf(model);
        var table = new HtmlTable("class=\"versions\"", ["version", "label", "stage", "aliases", "created", "creator", .. metrics, "digest"]);
        foreach (var version in model.Versions.AsEnumerable().Reverse())
        {
            var info = version.Info;
            var cells = new List<string>
            {
                $"<th scope=\"row\"><a href=\"{page.Href(ReportPaths.VersionPage(model.Name, version.Number))}\">{Formats.Integer(version.Number)}</a></th>",
                $"<td class=\"text\">{Html.Encode(info.Label)}</td>",
                $"<td data-stage=\"{Html.Encode(info.Stage)}\">{Html.Encode(info.Stage)}{(version.Purged ? " <span class=\"purged\">purged</span>" : "")}</td>",
                $"<td class=\"text\">{Html.Encode(string.Join(", ", info.Aliases))}</td>",
                $"<time datetime=\"{Formats.Iso(info.Created)}\">{Formats.Time(info.Created)}</time>",
                $"<td class=\"text\">{Html.Encode(info.CreatedBy)}</td>",
            };
            cells.AddRange(metrics.Select(m => $"<td data-metric=\"{Html.Encode(m)}\">{(info.Metrics.TryGetValue(m, out var value) ? Formats.Number(value) : "")}</td>"));
            cells.Add($"<td><code title=\"{Html.Encode(info.Digest)}\">{Html.Encode(Formats.ShortDigest(info.Digest))}</code></td>");
            table.Row($"data-version=\"{Formats.Integer(version.Number)}\"{(version.Purged ? " class=\"purged\"" : "")}", [.. cells]);
        }

        return $"<section id=\"versions\"><h2>Versions</h2>\n{table}\n</section>";
    }

    private static string Comparison(ReportModel model)
    {
        if (model.Versions.Count == 0)
        {
            return "";
        }

        var production = model.Holder(RegistrySettings.Production);
        var right = model.Versions[^1].Number;
        var left = production is { } p && p != right ? p : model.Versions.Count > 1 ? model.Versions[^2].Number : right;
        string Options(int selected) => string.Concat(model.Versions.AsEnumerable().Reverse().Select(v =>
            $"<option value=\"{Formats.Integer(v.Number)}\"{(v.Number == selected ? " selected" : "")}>{Formats.Integer(v.Number)}{(v.Info.Label is null ? "" : " " + Html.Encode(v.Info.Label))} ({Html.Encode(v.Info.Stage)})</option>"));
        return "<section id=\"compare\"><h2>Compare two versions</h2>\n"
            + "<div class=\"compare-controls\">"
            + $"<label for=\"compare-left\">Left</label> <select id=\"compare-left\">{Options(left)}</select> "
            + $"<label for=\"compare-right\">Right</label> <select id=\"compare-right\">{Options(right)}</select> "
            + "<label><input type=\"checkbox\" id=\"differences-only\"> Differences only</label></div>\n"
            + "<table id=\"comparison\"><thead><tr><th scope=\"col\">field</th><th scope=\"col\">left</th><th scope=\"col\">right</th>"
            + "<th scope=\"col\">right − left</th><th scope=\"col\">right − Production</th></tr></thead><tbody></tbody></table>\n"
            + "<noscript><p>The comparison needs JavaScript (assets/report.js); every value is also in the tables of this page.</p></noscript>\n"
            + CompareData.Block(model) + "\n</section>";
    }
}
