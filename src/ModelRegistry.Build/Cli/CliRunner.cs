using System.Diagnostics;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelRegistry.Faces;

namespace ModelRegistry.Build.Cli;

/// <summary>
/// Runs the bundled <c>model-registry</c> tool out of process (<c>dotnet exec model-registry.dll ... --json</c>) and
/// captures its JSON result and coded stderr lines. Out of process on purpose: the tool loads the Azure SDK, Octokit
/// and libgit2, none of which may load into a shared MSBuild node (ARCHITECTURE.md section 1).
/// </summary>
/// <remarks>
/// Not a <see cref="ToolTask"/>: a ToolTask funnels stdout and stderr into one logging callback, while this needs
/// the JSON document on stdout apart from the diagnostics on stderr, and one task may run the tool several times.
/// </remarks>
internal sealed class CliRunner(string cliPath, string? dotNetHost, string workingDirectory, TaskLoggingHelper log)
{
    /// <summary>The version git gave this build (MinVer), the same the bundled tool prints for <c>--version</c>.</summary>
    public static string ProductVersion { get; } =
        typeof(CliRunner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    private readonly System.Threading.Lock gate = new();
    private Process? running;
    private bool cancelled;

    /// <summary>Runs the tool; the arguments exclude the host, the dll and <c>--json</c>, which are added here.</summary>
    public CliResult Run(IReadOnlyList<string> arguments)
    {
        if (!File.Exists(cliPath))
        {
            throw BuildErrors.CliNotFound(cliPath);
        }

        var start = new ProcessStartInfo(string.IsNullOrEmpty(dotNetHost) ? "dotnet" : dotNetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        var (commandLine, registry) = SplitRegistry(arguments);
        foreach (var argument in (string[])["exec", cliPath, .. commandLine, "--json"])
        {
            start.ArgumentList.Add(argument);
        }

        CliProcessEnvironment.Apply(start.Environment, registry);
        log.LogMessage(MessageImportance.Normal, $"ModelRegistry.Build {ProductVersion}: model-registry " + ArgumentRedaction.CommandLine(commandLine));
        var stdout = new StringBuilder();
        var diagnostics = new List<CliDiagnosticLine>();
        var otherLines = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (diagnostics)
            {
                if (CliDiagnosticLine.IsWorkflowCommand(e.Data))
                {
                    return;
                }

                if (CliDiagnosticLine.TryParse(e.Data) is { } diagnostic)
                {
                    diagnostics.Add(diagnostic);
                }
                else if (e.Data.Length > 0)
                {
                    otherLines.Add(e.Data);
                }
            }
        };

        lock (gate)
        {
            if (cancelled)
            {
                throw new OperationCanceledException();
            }

            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw BuildErrors.ToolStartFailed(start.FileName, e.Message);
            }

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

        return new CliResult(process.ExitCode, stdout.ToString(), diagnostics, otherLines);
    }

    /// <summary>The arguments without a <c>--registry</c> whose location carries a credential, and that location, which
    /// travels in the environment instead (see <see cref="CliProcessEnvironment"/>).</summary>
    private static (List<string> CommandLine, string? Registry) SplitRegistry(IReadOnlyList<string> arguments)
    {
        var commandLine = new List<string>(arguments.Count);
        string? registry = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--registry" && i + 1 < arguments.Count && CliProcessEnvironment.CarriesCredential(arguments[i + 1]))
            {
                registry = arguments[++i];
                continue;
            }

            commandLine.Add(arguments[i]);
        }

        return (commandLine, registry);
    }

    /// <summary>Stops a running tool (MSBuild calls this on Ctrl+C through ICancelableTask).</summary>
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
