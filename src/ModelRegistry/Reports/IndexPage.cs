namespace ModelRegistry.Reports;

/// <summary>The site's front page: every model, the version each stage holds, the latest version, when Production last
/// moved and a trend of the model's main metric. Hooks: <c>tr[data-model]</c>, <c>td[data-stage]</c>.</summary>
internal static class IndexPage
{
    public static byte[] Render(IReadOnlyList<ReportModel> models, IReadOnlyList<string> stages)
    {
        var page = new HtmlPage(ReportPaths.Index);
        page.Raw("<h1>Models</h1>");
        var table = new HtmlTable("class=\"models\"", ["model", .. stages, "latest", "Production moved", "trend", "history"]);
        foreach (var model in models)
        {
            var cells = new List<string> { $"<th scope=\"row\"><a href=\"{page.Href(ReportPaths.ModelPage(model.Name))}\">{Html.Encode(model.Name)}</a></th>" };
            foreach (var stage in stages)
            {
                var held = model.Holder(stage) is { } version
                    ? $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, version))}\">{Formats.Integer(version)}</a>"
                    : "";
                cells.Add($"<td data-stage=\"{Html.Encode(stage)}\">{held}</td>");
            }

            var latest = model.Versions.Count == 0 ? null : model.Versions[^1];
            cells.Add(latest is null ? "" : $"<a href=\"{page.Href(ReportPaths.VersionPage(model.Name, latest.Number))}\">{Formats.Integer(latest.Number)}</a>");
            cells.Add(model.ProductionMoved is { } moved ? $"<time datetime=\"{Formats.Iso(moved)}\">{Formats.Time(moved)}</time>" : "never");
            cells.Add(Trend(model));
            cells.Add($"<a href=\"{page.Href(ReportPaths.HistoryPage(model.Name))}\">history</a>");
            table.Row($"data-model=\"{Html.Encode(model.Name)}\"", [.. cells]);
        }

        page.Raw(table.ToString());
        if (models.Count == 0)
        {
            page.Raw("<p>The registry has no models to show.</p>");
        }

        return page.Render("index", "Models", []);
    }

    private static string Trend(ReportModel model)
    {
        if (model.MainMetric is not { } metric)
        {
            return "";
        }

        var values = model.Versions.Select(v => v.Info.Metrics.TryGetValue(metric, out var value) ? value : double.NaN).Where(double.IsFinite).ToList();
        return values.Count == 0 ? "" : $"{SvgChart.Sparkline(metric, values)} <span class=\"metric-name\">{Html.Encode(metric)}</span>";
    }
}
