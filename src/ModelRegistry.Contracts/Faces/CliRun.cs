using System.Diagnostics;
using System.Text;

namespace ModelRegistry.Faces;

/// <summary>
/// One run of the model-registry tool as every face makes it (the MSBuild tasks and the Cake aliases): the command
/// line with <c>--json</c>, a registry that carries a credential moved into the environment, the shared environment
/// (roll-forward, no step outputs of its own; <see cref="CliProcessEnvironment"/>), a command line for logs with
/// secrets redacted, and stderr read into coded diagnostics. <see cref="Start"/> runs it in a process of its own;
/// a face with a process runner of its own (Cake's) feeds that runner <see cref="Arguments"/> and
/// <see cref="Environment"/>, each stderr line to <see cref="ReadErrorLine"/>, and ends with <see cref="Result"/>.
/// </summary>
public sealed class CliRun
{
    private readonly List<CliDiagnosticLine> diagnostics = [];
    private readonly List<string> otherErrorLines = [];
    private readonly Lock gate = new();
    private Process? running;
    private bool cancelled;

    /// <param name="command">The command's words and arguments: <c>register</c>, <c>FraudDetection</c>, <c>model.zip</c>, <c>--metrics</c>, ...</param>
    /// <param name="registry">The registry location, or null for the tool's default (<c>$MODEL_REGISTRY</c>, else <c>./.model-registry</c>).</param>
    public CliRun(IEnumerable<string> command, string? registry)
    {
        ArgumentNullException.ThrowIfNull(command);
        List<string> words = [.. command];
        Name = words.Count > 0 ? words[0] : "";
        registry = string.IsNullOrWhiteSpace(registry) ? null : registry.Trim();
        if (CliProcessEnvironment.RegistryArgument(registry) is { } plain)
        {
            words.AddRange(["--registry", plain]);
        }

        words.Add("--json");
        Arguments = words;
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        CliProcessEnvironment.Apply(variables, registry);
        Environment = variables.ToDictionary(v => v.Key, v => v.Value ?? "", StringComparer.Ordinal);
    }

    /// <summary>The command's name (<c>register</c>), for messages.</summary>
    public string Name { get; }

    /// <summary>The words after the tool's own path: the command, its arguments, <c>--registry</c> when it carries no credential, <c>--json</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Variables to set for the tool's process (an empty value means: unset it).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The command line as a log may show it: <c>model-registry</c> and the arguments, every URL's query redacted.</summary>
    public string LoggedCommandLine => "model-registry " + ArgumentRedaction.CommandLine(Arguments.Take(Arguments.Count - 1));

    /// <summary>Reads one stderr line: a coded diagnostic, a workflow command (dropped: the face reports the coded line
    /// itself), or other text. Returns the diagnostic, or null. Safe to call from the process's reader threads.</summary>
    public CliDiagnosticLine? ReadErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || CliDiagnosticLine.IsWorkflowCommand(line))
        {
            return null;
        }

        lock (gate)
        {
            if (CliDiagnosticLine.TryParse(line) is { } diagnostic)
            {
                diagnostics.Add(diagnostic);
                return diagnostic;
            }

            otherErrorLines.Add(line);
            return null;
        }
    }

    /// <summary>What the run produced, once the process has exited.</summary>
    public CliResult Result(int exitCode, string standardOutput)
    {
        lock (gate)
        {
            return new CliResult(exitCode, standardOutput, [.. diagnostics], [.. otherErrorLines]);
        }
    }

    /// <summary>
    /// Runs the tool and waits for it: <paramref name="fileName"/> is the executable (the <c>dotnet</c> host, or the
    /// tool itself), <paramref name="prefix"/> the words before the command (<c>exec</c> and the path of
    /// <c>model-registry.dll</c>). Stdin is closed at once: the tool never waits for input.
    /// Throws <see cref="OperationCanceledException"/> after <see cref="Cancel"/>, and
    /// <see cref="System.ComponentModel.Win32Exception"/> when the executable cannot start.
    /// </summary>
    public CliResult Start(string fileName, IEnumerable<string> prefix, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in prefix.Concat(Arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var standardOutput = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (standardOutput)
                {
                    standardOutput.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => ReadErrorLine(e.Data);
        lock (gate)
        {
            if (cancelled)
            {
                throw new OperationCanceledException();
            }

            process.Start();
            running = process;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (gate)
        {
            running = null;
            if (cancelled)
            {
                throw new OperationCanceledException();
            }
        }

        lock (standardOutput)
        {
            return Result(process.ExitCode, standardOutput.ToString());
        }
    }

    /// <summary>Stops the running tool and its children (MSBuild calls this on Ctrl+C); a later <see cref="Start"/> is refused.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            cancelled = true;
            try
            {
                running?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }
        }
    }
}
