using System.Text;

namespace ModelRegistry.Reports;

/// <summary>A table of the report: a header row of plain labels, then rows of cells the caller already escaped.</summary>
internal sealed class HtmlTable
{
    private readonly StringBuilder html = new();

    public HtmlTable(string attributes, params string[] headers)
    {
        html.Append("<table").Append(attributes.Length == 0 ? "" : " " + attributes).Append(">\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Html.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
    }

    public int Rows { get; private set; }

    /// <summary>A row of cells, each already markup (<c>&lt;td&gt;</c> added unless the cell starts with <c>&lt;t</c>).</summary>
    public HtmlTable Row(string rowAttributes, params string[] cells)
    {
        html.Append("<tr").Append(rowAttributes.Length == 0 ? "" : " " + rowAttributes).Append('>');
        foreach (var cell in cells)
        {
            html.Append(cell.StartsWith("<td", StringComparison.Ordinal) || cell.StartsWith("<th", StringComparison.Ordinal) ? cell : $"<td>{cell}</td>");
        }

        html.Append("</tr>\n");
        Rows++;
        return this;
    }

    public override string ToString() => html + "</tbody>\n</table>";
}
