using System.Text.Json;
using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Output;

/// <summary>
/// Where a command's words go: the result on stdout (one JSON document with --json, text otherwise), logs,
/// progress and errors on stderr, and in GitHub Actions also outputs, a step summary and error annotations.
/// </summary>
internal sealed class CommandOutput(bool json)
{
    /// <summary>One process, one stdout document: the signal thread may end the process while a command writes.</summary>
    private static readonly Lock Gate = new();
    private static bool resultWritten;

    public bool Json { get; } = json;

    public GitHubActions Actions { get; } = GitHubActions.FromEnvironment();

    /// <summary>Writes the command's result: <paramref name="document"/> as JSON, or <paramref name="human"/> as text.</summary>
    public void Result(object document, Action<TextWriter> human)
    {
        lock (Gate)
        {
            resultWritten = true;
            if (Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(document, RegistryJson.Indented));
            }
            else
            {
                using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = Console.Out.NewLine };
                human(text);
                Console.Out.Write(TerminalText.Safe(text.ToString()));
            }
        }
    }

    /// <summary>A log line for people, on stderr so that stdout stays data.</summary>
    public void Info(string message)
    {
        if (!Json || !Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(TerminalText.Safe(message));
        }
    }

    /// <summary>A warning in canonical form (<c>warning MRB1502: ...</c>), which MSBuild and GitHub pick up.</summary>
    public void Warning(string coded)
    {
        Console.Error.WriteLine(TerminalText.Safe(coded.StartsWith("warning ", StringComparison.Ordinal) ? coded : "warning " + coded));
        Actions.Annotate("warning", coded);
    }

    /// <summary>A coded error on stderr; with --json also the one document on stdout, when no result was written.</summary>
    public void Error(string code, string message)
    {
        lock (Gate)
        {
            Console.Error.WriteLine(TerminalText.Safe($"error {code}: {message}"));
            Actions.Annotate("error", $"{code}: {message}");
            if (Json && !resultWritten)
            {
                resultWritten = true;
                Console.Out.WriteLine(JsonSerializer.Serialize(new ErrorDocument(new ProblemDocument(code, message)), RegistryJson.Indented));
            }
        }
    }

    /// <summary>The last words of a process ended from outside (see <see cref="Termination"/>): the coded error, and the
    /// JSON document when none was written. The gate is taken (it is reentrant) and never left, so no other write can follow.</summary>
    public static void Final(bool json, string code, string message)
    {
        Gate.Enter();
        new CommandOutput(json).Error(code, message);
        Console.Out.Flush();
        Console.Error.Flush();
    }

    /// <summary>Reports transfer progress on stderr, only when a person watches it (stderr is a terminal).</summary>
    public IProgress<TransferProgress>? TransferProgress() =>
        Console.IsErrorRedirected || Json ? null : new TerminalProgress();
}
