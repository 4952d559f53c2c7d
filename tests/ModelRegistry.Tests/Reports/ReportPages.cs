using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ModelRegistry.Tests.Reports;

/// <summary>The generated pages parsed as a browser parses them.</summary>
internal static class ReportPages
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static IReadOnlyDictionary<string, IDocument> ParseAll(ReportScenario scenario) =>
        scenario.Pages().ToDictionary(p => p.Key, p => Parse(p.Value), StringComparer.Ordinal);

    /// <summary>The text of a cell, trimmed.</summary>
    public static string Text(IElement? element) => element?.TextContent.Trim() ?? "";
}
