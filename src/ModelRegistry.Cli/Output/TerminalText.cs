using System.Text;

namespace ModelRegistry.Cli.Output;

/// <summary>
/// Text for a person's terminal. Descriptions, reasons, approver names and file names are stored as one person typed
/// them and shown to another: an escape sequence among them could recolour, move the cursor or clear the screen (and
/// hide what a line says). Every control character except line feed and tab becomes '?': C0, DEL, and C1 (whose CSI,
/// U+009B, some terminals obey like ESC [). JSON output is not touched: JSON escapes them itself.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsUnsafe(c) ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>A value shown on one line (a file name, a table cell): a line feed in it would start a line that the
    /// registry never wrote, so it becomes '?' too.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('\n', StringComparison.Ordinal) ? text.Replace('\n', '?') : text;
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) && c is not '\n' and not '\t';
}
