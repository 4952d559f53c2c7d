using System.Text.RegularExpressions;

namespace ModelRegistry.Naming;

/// <summary>A free key=value tag on a model version.</summary>
public static partial class Tag
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    public static KeyValuePair<string, string> Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !KeyPattern().IsMatch(text[..equals]) || text.Length > 1024 || text.Any(char.IsControl))
        {
            throw Errors.InvalidTag(text);
        }

        return new(text[..equals], text[(equals + 1)..]);
    }
}
