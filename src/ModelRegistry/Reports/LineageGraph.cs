using System.Text;

namespace ModelRegistry.Reports;

/// <summary>
/// The lineage drawn as a graph: commits on the left, the versions made from them in the middle, the datasets (by
/// digest) they were trained on at the right, each version linked to its page. The tables of
/// <see cref="LineageSection"/> below it hold the same relation in full; the drawing shows the latest versions only,
/// so a model with thousands of versions still gets a page of sensible size.
/// </summary>
internal static class LineageGraph
{
    public const int MaxVersions = 40;

    private const double Row = 22, Top = 24, CommitX = 8, CommitWidth = 110, VersionX = 220, VersionWidth = 165, DataX = 420, DataWidth = 240;

    public static string Render(ReportModel model, HtmlPage page)
    {
        var versions = model.Versions.Where(v => v.Record.Recipe.Code?.Commit is not null || v.Record.Recipe.Data.Count > 0)
            .OrderByDescending(v => v.Number).Take(MaxVersions).ToList();
        if (versions.Count == 0)
        {
            return "";
        }

        var commits = Nodes(versions, v => v.Record.Recipe.Code?.Commit is { } commit ? [commit] : []);
        var datasets = Nodes(versions, v => v.Record.Recipe.Data.Select(d => d.ContentIdentity() ?? d.Source));
        var labels = versions.SelectMany(v => v.Record.Recipe.Data).GroupBy(d => d.ContentIdentity() ?? d.Source)
            .ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        var rows = Math.Max(versions.Count, Math.Max(commits.Count, datasets.Count));
        var height = Top + (rows * Row);
        var svg = new StringBuilder();
        svg.Append("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(Formats.Coordinate(DataX + DataWidth + 8)).Append(' ').Append(Formats.Coordinate(height))
            .Append("\" role=\"img\" aria-label=\"").Append(Html.Encode(
                $"Lineage of {model.Name}: {versions.Count} version(s) made from {commits.Count} commit(s) and trained on {datasets.Count} dataset(s)")).Append("\">\n");
        Heading(svg, CommitX, "commit");
        Heading(svg, VersionX, "version");
        Heading(svg, DataX, "dataset");
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var y = Y(i, versions.Count, rows);
            if (version.Record.Recipe.Code?.Commit is { } commit)
            {
                Edge(svg, CommitX + CommitWidth, Y(commits[commit], commits.Count, rows), VersionX, y);
            }

            foreach (var data in version.Record.Recipe.Data.Select(d => d.ContentIdentity() ?? d.Source).Distinct(StringComparer.Ordinal))
            {
                Edge(svg, VersionX + VersionWidth, y, DataX, Y(datasets[data], datasets.Count, rows));
            }

            svg.Append("<a href=\"").Append(page.Href(ReportPaths.VersionPage(model.Name, version.Number))).Append("\">");
            Label(svg, VersionX, y, $"version {Formats.Integer(version.Number)}", version.Info.Stage);
            svg.Append("</a>\n");
        }

        foreach (var (commit, index) in commits)
        {
            Label(svg, CommitX, Y(index, commits.Count, rows), commit.Length > 12 ? commit[..12] : commit, null);
        }

        foreach (var (identity, index) in datasets)
        {
            var name = labels[identity];
            var file = Path.GetFileName(name.TrimEnd('/'));
            var shown = (file.Length > 0 ? file : name) + (identity == name ? "" : " " + Formats.ShortDigest(identity));
            Label(svg, DataX, Y(index, datasets.Count, rows), shown.Length > 40 ? shown[..39] + "…" : shown, null);
        }

        var caption = model.Versions.Count > versions.Count && versions.Count == MaxVersions
            ? $"The latest {MaxVersions} versions with a recorded lineage; the tables below list every version."
            : "Every version with a recorded lineage; the tables below list the same.";
        return $"<figure class=\"lineage-graph\">{svg}</svg>\n<figcaption>{Html.Encode(caption)}</figcaption></figure>";
    }

    /// <summary>Each distinct key in the order the versions (latest first) name them, with its row.</summary>
    private static Dictionary<string, int> Nodes(IEnumerable<ReportVersion> versions, Func<ReportVersion, IEnumerable<string>> keys)
    {
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in versions.SelectMany(keys))
        {
            nodes.TryAdd(key, nodes.Count);
        }

        return nodes;
    }

    /// <summary>A column of <paramref name="count"/> nodes spread over the height of <paramref name="rows"/> rows.</summary>
    private static double Y(int index, int count, int rows) => Top + ((index + 0.5) * rows / count * Row);

    private static void Heading(StringBuilder svg, double x, string text) =>
        svg.Append("<text class=\"heading\" x=\"").Append(Formats.Coordinate(x)).Append("\" y=\"14\">").Append(text).Append("</text>\n");

    private static void Edge(StringBuilder svg, double x1, double y1, double x2, double y2) =>
        svg.Append("<line class=\"edge\" x1=\"").Append(Formats.Coordinate(x1)).Append("\" y1=\"").Append(Formats.Coordinate(y1))
            .Append("\" x2=\"").Append(Formats.Coordinate(x2)).Append("\" y2=\"").Append(Formats.Coordinate(y2)).Append("\"/>\n");

    /// <summary>A node's text; a version shows its stage, and the holder of a stage (not None, not Archived) stands out.</summary>
    private static void Label(StringBuilder svg, double x, double y, string text, string? stage)
    {
        var holder = stage is not (null or "None" or "Archived");
        svg.Append("<text class=\"node").Append(holder ? " holder-text" : "").Append("\" x=\"").Append(Formats.Coordinate(x + 4))
            .Append("\" y=\"").Append(Formats.Coordinate(y + 4)).Append("\">").Append(Html.Encode(text))
            .Append(stage is null or "None" ? "" : $" ({Html.Encode(stage)})").Append("</text>\n");
    }
}
