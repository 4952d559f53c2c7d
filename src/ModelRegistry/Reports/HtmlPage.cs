using System.Text;

namespace ModelRegistry.Reports;

/// <summary>
/// The frame every page shares: the content security policy (no inline script or style), the stylesheet, the one
/// script file, the page kind on the body (<c>data-page</c>, a hook for browser tests) and the navigation.
/// </summary>
internal sealed class HtmlPage
{
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    private readonly StringBuilder body = new();
    private readonly string path;

    public HtmlPage(string path)
    {
        this.path = path;
    }

    /// <summary>A link from this page to another page of the site.</summary>
    public string Href(string target) => Html.Encode(ReportPaths.Relative(path, target));

    /// <summary>Appends markup the page made itself; stored text goes through <see cref="Html.Encode"/> first.</summary>
    public HtmlPage Raw(string markup)
    {
        body.Append(markup).Append('\n');
        return this;
    }

    /// <summary>The whole page, UTF-8 without byte order mark, LF line ends.</summary>
    public byte[] Render(string kind, string title, IEnumerable<(string Label, string Target)> breadcrumbs)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append(" · model registry</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Href(ReportPaths.Css)).Append("\">\n")
            .Append("<script src=\"").Append(Href(ReportPaths.Script)).Append("\" defer></script>\n")
            .Append("</head>\n<body data-page=\"").Append(kind).Append("\">\n<header><nav aria-label=\"breadcrumbs\"><a href=\"")
            .Append(Href(ReportPaths.Index)).Append("\">Models</a>");
        foreach (var (label, target) in breadcrumbs)
        {
            html.Append(" / <a href=\"").Append(Href(target)).Append("\">").Append(Html.Encode(label)).Append("</a>");
        }

        html.Append("</nav></header>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }
}
