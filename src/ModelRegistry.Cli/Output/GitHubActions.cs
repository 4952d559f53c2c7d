using System.Text;

namespace ModelRegistry.Cli.Output;

/// <summary>
/// GitHub Actions integration, active when GITHUB_ACTIONS=true: step outputs appended to $GITHUB_OUTPUT, a Markdown
/// summary appended to $GITHUB_STEP_SUMMARY, and errors and warnings as workflow-command annotations on stderr (the
/// runner reads both streams; stderr keeps --json output a single document).
/// </summary>
internal sealed class GitHubActions
{
    private readonly string? outputFile;
    private readonly string? summaryFile;

    private GitHubActions(bool enabled, string? outputFile, string? summaryFile)
    {
        Enabled = enabled;
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
    }

    public bool Enabled { get; }

    public static GitHubActions FromEnvironment()
    {
        var enabled = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        return new GitHubActions(
            enabled,
            enabled ? FilePath("GITHUB_OUTPUT") : null,
            enabled ? FilePath("GITHUB_STEP_SUMMARY") : null);
    }

    /// <summary>An empty variable is unset: the MSBuild and Cake faces blank the step files so that they report the result themselves.</summary>
    private static string? FilePath(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? path : null;

    /// <summary>Sets step outputs; multi-line values use the heredoc form with a random delimiter.</summary>
    public void SetOutputs(IEnumerable<KeyValuePair<string, string>> outputs)
    {
        if (outputFile is null)
        {
            return;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                var delimiter = "MRB_" + Guid.NewGuid().ToString("N");
                builder.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
            }
            else
            {
                builder.Append(name).Append('=').Append(value).Append('\n');
            }
        }

        Append("GITHUB_OUTPUT", outputFile, builder.ToString());
    }

    public void AppendSummary(string markdown)
    {
        if (summaryFile is not null)
        {
            Append("GITHUB_STEP_SUMMARY", summaryFile, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    /// <summary>The runner's files, not the registry: a failure names the variable, and the result already printed stands.</summary>
    private static void Append(string variable, string path, string text)
    {
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.GitHubStepFileUnwritable(variable, path, e.Message);
        }
    }

    public void Annotate(string level, string message)
    {
        if (Enabled)
        {
            // Escaped first (line breaks become %0A), then made terminal-safe: the log view shows annotations too.
            Console.Error.WriteLine($"::{level}::{TerminalText.Safe(Escape(message))}");
        }
    }

    /// <summary>Workflow-command data escaping: %, CR and LF.</summary>
    private static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
