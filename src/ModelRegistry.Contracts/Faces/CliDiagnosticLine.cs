using System.Text.RegularExpressions;

namespace ModelRegistry.Faces;

/// <summary>One <c>error MRB1203: ...</c> or <c>warning MRB1502: ...</c> line the tool wrote on stderr, read the same
/// way by every face (compiled into both the MSBuild tasks and the Cake addin).</summary>
public sealed partial record CliDiagnosticLine(bool IsError, string Code, string Message)
{
    public static CliDiagnosticLine? TryParse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? new CliDiagnosticLine(match.Groups["severity"].Value == "error", match.Groups["code"].Value, match.Groups["message"].Value.Trim())
            : null;
    }

    /// <summary>A GitHub Actions workflow command (<c>::error::…</c>): the tool annotates its coded lines in Actions;
    /// a face reports the coded line itself, so it drops the annotation rather than print it twice.</summary>
    public static bool IsWorkflowCommand(string line) => line.StartsWith("::", StringComparison.Ordinal);

    /// <summary>The code and message as the faces show them: <c>MRB1203: auc&gt;=0.9 missed by 0.02</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";

    [GeneratedRegex(@"^\s*(?<severity>error|warning)\s+(?<code>MRB\d{4})\s*:\s*(?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
