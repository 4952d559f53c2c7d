using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelRegistry.Faces;

namespace ModelRegistry.Build.Cli;

/// <summary>
/// Runs the bundled <c>model-registry</c> tool out of process (<c>dotnet exec model-registry.dll ... --json</c>)
/// through the contract's <see cref="CliRun"/>, which every face shares. Out of process on purpose: the tool loads
/// the Azure SDK, Octokit and libgit2, none of which may load into a shared MSBuild node (ARCHITECTURE.md section 1).
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
    private CliRun? current;
    private bool cancelled;

    /// <summary>Runs one command: its words and arguments without <c>--registry</c> and <c>--json</c>, which
    /// <see cref="CliRun"/> adds.</summary>
    public CliResult Run(IEnumerable<string> command, string? registry)
    {
        if (!File.Exists(cliPath))
        {
            throw BuildErrors.CliNotFound(cliPath);
        }

        var run = new CliRun(command, registry);
        lock (gate)
        {
            if (cancelled)
            {
                throw new OperationCanceledException();
            }

            current = run;
        }

        log.LogMessage(MessageImportance.Normal, $"ModelRegistry.Build {ProductVersion}: {run.LoggedCommandLine}");
        var host = string.IsNullOrEmpty(dotNetHost) ? "dotnet" : dotNetHost;
        try
        {
            return run.Start(host, ["exec", cliPath], workingDirectory);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw BuildErrors.ToolStartFailed(host, e.Message);
        }
    }

    /// <summary>Stops a running tool (MSBuild calls this on Ctrl+C through ICancelableTask).</summary>
    public void Cancel()
    {
        lock (gate)
        {
            cancelled = true;
            current?.Cancel();
        }
    }
}
