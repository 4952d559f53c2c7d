namespace ModelRegistry.Faces;

/// <summary>Hides what must never reach a log: the query of a URL (an Azure SAS signature lives there).</summary>
public static class ArgumentRedaction
{
    public static string Redact(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var schemeEnd = argument.IndexOf("://", StringComparison.Ordinal);
        var query = argument.IndexOf('?', StringComparison.Ordinal);
        return schemeEnd > 0 && query > schemeEnd ? argument[..query] + "?<redacted>" : argument;
    }

    /// <summary>A command line for a log: every argument redacted, and quoted when it holds a space.</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(Redact).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));
}
