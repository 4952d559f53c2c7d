using System.Globalization;
using System.Net;
using System.Text;

namespace ModelRegistry.Reports;

/// <summary>
/// Escaping of stored text for HTML text and attribute values. Beyond &lt; &gt; &amp; and both quotes, control and
/// invisible formatting characters (right-to-left overrides, isolates, zero-width marks) are written as numeric
/// references, so the page source shows them and the stylesheet isolates the cells that hold them.
/// </summary>
internal static class Html
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var encoded = WebUtility.HtmlEncode(text);
        StringBuilder? builder = null;
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            var replacement = c switch
            {
                '\t' or '\n' or '\r' => null,
                _ when char.IsControl(c) => "\uFFFD",
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => $"&#x{(int)c:X4};",
                _ => null,
            };
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(encoded, 0, i, encoded.Length + 16);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? encoded;
    }

    /// <summary>An absolute http(s) URL fit for an href, or null: stored URLs may say anything (javascript:, data:).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary>A link to an http(s) URL, or the escaped text when it is not one.</summary>
    public static string Link(string? url, string? text) =>
        SafeUrl(url) is { } safe ? $"<a href=\"{Encode(safe)}\" rel=\"noopener noreferrer\">{Encode(text)}</a>" : Encode(text);
}
