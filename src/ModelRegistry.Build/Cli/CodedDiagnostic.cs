using System.Text.RegularExpressions;

namespace ModelRegistry.Build.Cli;

/// <summary>One <c>error MRB1203: ...</c> or <c>warning MRB1502: ...</c> line the tool wrote on stderr.</summary>
internal sealed partial record CodedDiagnostic(bool IsError, string Code, string Message)
{
    public static CodedDiagnostic? TryParse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? new CodedDiagnostic(match.Groups["severity"].Value == "error", match.Groups["code"].Value, match.Groups["message"].Value.Trim())
            : null;
    }

    [GeneratedRegex(@"^\s*(?<severity>error|warning)\s+(?<code>MRB\d{4})\s*:\s*(?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
