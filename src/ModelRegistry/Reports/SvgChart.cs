using System.Text;

namespace ModelRegistry.Reports;

/// <summary>
/// A metric across versions drawn as SVG, written directly so the same data always gives the same bytes: a line
/// through every version's value, fixed thresholds as dashed lines, stage holders marked. Every chart is a figure
/// with <c>role="img"</c>, an aria-label and, right after the drawing, a <c>chart-data</c> table of the same values.
/// </summary>
internal static class SvgChart
{
    private const double Width = 640, Height = 240, Left = 64, Right = 16, Top = 16, Bottom = 32;

    public sealed record Point(int Version, double Value, string? Holds);

    public static string Figure(string metric, IReadOnlyList<Point> points, IReadOnlyList<MetricThreshold> thresholds, Func<int, string> versionHref)
    {
        var bounds = points.Select(p => p.Value).Concat(thresholds.Select(t => t.Bound)).ToList();
        var (min, max) = Range(bounds);
        double X(int i) => Left + ((Width - Left - Right) * (points.Count == 1 ? 0.5 : i / (double)(points.Count - 1)));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - min) / (max - min))));

        var label = $"{metric} across {points.Count} version(s), from {Formats.Number(points[0].Value)} (version {points[0].Version}) to {Formats.Number(points[^1].Value)} (version {points[^1].Version})"
            + string.Concat(thresholds.Select(t => $"; threshold {t.Rule} ({t.Source})"));
        var svg = new StringBuilder();
        svg.Append("<figure class=\"chart\" data-metric=\"").Append(Html.Encode(metric)).Append("\">\n<figcaption>").Append(Html.Encode(metric)).Append("</figcaption>\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Formats.Coordinate(Width)).Append(' ').Append(Formats.Coordinate(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(Html.Encode(label)).Append("\">\n")
            .Append("<line class=\"axis\" x1=\"").Append(Formats.Coordinate(Left)).Append("\" y1=\"").Append(Formats.Coordinate(Height - Bottom))
            .Append("\" x2=\"").Append(Formats.Coordinate(Width - Right)).Append("\" y2=\"").Append(Formats.Coordinate(Height - Bottom)).Append("\"/>\n")
            .Append("<line class=\"axis\" x1=\"").Append(Formats.Coordinate(Left)).Append("\" y1=\"").Append(Formats.Coordinate(Top))
            .Append("\" x2=\"").Append(Formats.Coordinate(Left)).Append("\" y2=\"").Append(Formats.Coordinate(Height - Bottom)).Append("\"/>\n");
        AxisText(svg, Left - 6, Y(max) + 4, "end", Formats.Axis(max));
        AxisText(svg, Left - 6, Y(min) + 4, "end", Formats.Axis(min));
        AxisText(svg, X(0), Height - 10, "middle", "v" + Formats.Integer(points[0].Version));
        AxisText(svg, X(points.Count - 1), Height - 10, "middle", "v" + Formats.Integer(points[^1].Version));
        foreach (var threshold in thresholds)
        {
            var y = Formats.Coordinate(Y(threshold.Bound));
            svg.Append("<line class=\"threshold\" x1=\"").Append(Formats.Coordinate(Left)).Append("\" y1=\"").Append(y)
                .Append("\" x2=\"").Append(Formats.Coordinate(Width - Right)).Append("\" y2=\"").Append(y).Append("\"/>\n");
            AxisText(svg, Width - Right, Y(threshold.Bound) - 4, "end", $"{threshold.Rule} ({threshold.Source})");
        }

        svg.Append("<polyline class=\"series\" points=\"")
            .Append(string.Join(' ', points.Select((p, i) => Formats.Coordinate(X(i)) + "," + Formats.Coordinate(Y(p.Value)))))
            .Append("\"/>\n");
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            svg.Append("<a href=\"").Append(versionHref(point.Version)).Append("\"><circle class=\"").Append(point.Holds is null ? "point" : "point holder")
                .Append("\" cx=\"").Append(Formats.Coordinate(X(i))).Append("\" cy=\"").Append(Formats.Coordinate(Y(point.Value)))
                .Append("\" r=\"").Append(point.Holds is null ? "2.5" : "5").Append("\"><title>")
                .Append(Html.Encode($"version {point.Version}: {Formats.Number(point.Value)}{(point.Holds is null ? "" : " (" + point.Holds + ")")}"))
                .Append("</title></circle></a>\n");
            if (point.Holds is not null)
            {
                var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
                AxisText(svg, X(i), Y(point.Value) - 9, anchor, point.Holds);
            }
        }

        svg.Append("</svg>\n");
        var table = new HtmlTable("class=\"chart-data\"", "version", metric, "stage held");
        foreach (var point in points)
        {
            table.Row("", $"<a href=\"{versionHref(point.Version)}\">{Formats.Integer(point.Version)}</a>", Formats.Number(point.Value), Html.Encode(point.Holds));
        }

        return svg.Append(table).Append("\n</figure>").ToString();
    }

    /// <summary>A small trend for the index: a line only, its values in the aria-label (the model page has the full chart and table).</summary>
    public static string Sparkline(string metric, IReadOnlyList<double> values)
    {
        const double width = 120, height = 28;
        var (min, max) = Range(values);
        var coordinates = values.Select((v, i) => Formats.Coordinate(values.Count == 1 ? width / 2 : 2 + ((width - 4) * i / (values.Count - 1))) + ","
            + Formats.Coordinate(2 + ((height - 4) * (1 - ((v - min) / (max - min))))));
        var label = $"{metric} trend over {values.Count} version(s): first {Formats.Number(values[0])}, last {Formats.Number(values[^1])}, lowest {Formats.Number(values.Min())}, highest {Formats.Number(values.Max())}";
        return $"<svg class=\"sparkline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Formats.Coordinate(width)} {Formats.Coordinate(height)}\" role=\"img\" aria-label=\"{Html.Encode(label)}\"><polyline class=\"series\" points=\"{string.Join(' ', coordinates)}\"/></svg>";
    }

    private static (double Min, double Max) Range(IReadOnlyList<double> values)
    {
        var min = values.Min();
        var max = values.Max();
        if (max > min)
        {
            var pad = (max - min) * 0.05;
            return (min - pad, max + pad);
        }

        var spread = Math.Abs(min) > 0 ? Math.Abs(min) * 0.05 : 1;
        return (min - spread, max + spread);
    }

    private static void AxisText(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append("<text x=\"").Append(Formats.Coordinate(x)).Append("\" y=\"").Append(Formats.Coordinate(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Html.Encode(text)).Append("</text>\n");
}
