using System.Globalization;
using System.Text;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>
/// The sticky comment's Markdown. It starts with a hidden marker naming the model, which is how the next gate run
/// finds the comment to update instead of adding another.
/// </summary>
public static class GateCommentMarkdown
{
    public static string Marker(string model) => $"<!-- model-registry:gate:{model.ToLowerInvariant()} -->";

    /// <summary>The comment; with the registry site's address, the candidate and the baseline link to their pages.</summary>
    public static string Render(GateComparison comparison, string? runUrl, Uri? reportUrl = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var candidate = comparison.Candidate;
        var baseline = comparison.Baseline;
        var text = new StringBuilder();
        text.AppendLine(Marker(candidate.Model));
        text.Append(CultureInfo.InvariantCulture, $"### {(comparison.Passed ? "✅" : "❌")} Model gate: {Escape(candidate.Model)} version {candidate.Version} ");
        text.AppendLine(baseline is null
            ? $"(no {comparison.Stage} version yet)"
            : $"vs {comparison.Stage} ({Linked($"version {baseline.Version.ToString(CultureInfo.InvariantCulture)}", reportUrl, baseline)})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Metric | {comparison.Stage} | Candidate | Delta | Threshold | Verdict |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | --- |");
        foreach (var row in comparison.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(row.Metric)} | {GateComparison.Format(row.Baseline)} | {GateComparison.Format(row.Candidate)} | {Delta(row.Delta)} | {(row.Threshold.Length == 0 ? "—" : "`" + Escape(row.Threshold) + "`")} | {Verdict(row.Verdict)} |");
        }

        if (comparison.Rows.Count == 0)
        {
            text.AppendLine("| (no metrics) | — | — | — | — | — |");
        }

        text.AppendLine();
        GateSchemaMarkdown.Append(text, comparison);
        text.Append(CultureInfo.InvariantCulture, $"Candidate `{candidate.Model}@{candidate.Version}` (`{candidate.Digest}`)");
        if (reportUrl is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", [its page in the registry]({ReportLink.VersionPage(reportUrl, candidate.Model, candidate.Version)})");
        }

        text.AppendLine(runUrl is null ? "." : $", checked by [this run]({runUrl}).");
        return text.ToString();
    }

    private static string Linked(string text, Uri? reportUrl, VersionInfo version) =>
        reportUrl is null ? text : $"[{text}]({ReportLink.VersionPage(reportUrl, version.Model, version.Version)})";

    private static string Delta(double? delta) =>
        delta is not { } d ? "—" : (d > 0 ? "+" : "") + d.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Verdict(string verdict) => verdict switch
    {
        ComparisonRow.Pass => "✅ pass",
        ComparisonRow.Fail => "❌ fail",
        ComparisonRow.Error => "⚠️ error",
        _ => "—",
    };

    /// <summary>A metric name, rule or column name must not break the table or inject markup.</summary>
    internal static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
