using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>
/// Runs one model-registry command the way Cake runs every tool (so <c>ToolPath</c>, <c>ToolTimeout</c>,
/// <c>HandleExitCode</c> and the other tool settings work), prepared and read by the contract's <see cref="CliRun"/>,
/// which the MSBuild tasks share. The CLI runs in a process of its own, so none of the registry's dependencies
/// (Azure SDK, LibGit2Sharp, Octokit) loads into Cake, which pins its own versions of shared assemblies.
/// </summary>
internal sealed class ModelRegistryRunner : Tool<ModelRegistrySettings>
{
    private readonly ICakeContext context;
    private readonly CliLocator locator;
    private CliRun? run;
    private CliResult? result;

    public ModelRegistryRunner(ICakeContext context)
        : base(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
    {
        this.context = context;
        locator = new CliLocator(context.Environment, context.FileSystem);
    }

    /// <summary>The run a command line and settings make: the options of the settings added, the registry placed.</summary>
    public static CliRun Prepare(CliCommandLine line, ModelRegistrySettings settings, ICakeEnvironment environment)
    {
        settings.AddOptions(line, environment);
        return new CliRun(line, settings.RegistryLocation(environment));
    }

    /// <summary>
    /// Runs the command and returns what it produced. A non-zero exit fails with the CLI's coded errors unless
    /// <see cref="ToolSettings.HandleExitCode"/> accepts it; an error document always fails.
    /// </summary>
    public CliResult Execute(CliCommandLine line, ModelRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ToolPath is { } toolPath && toolPath.GetExtension() is ".dll")
        {
            throw Errors.ToolPathIsAssembly(toolPath.FullPath);
        }

        run = Prepare(line, settings, context.Environment);
        var launch = HostedLaunch(settings);
        var resolved = GetToolPath(settings) ?? throw Errors.CliNotFound(Searched());
        var commandLine = new ProcessArgumentBuilder();
        if (settings.ToolPath is null && launch is not null && resolved.FullPath == launch.Host.FullPath)
        {
            context.Log.Verbose("Running {0}.", launch.Description);
            foreach (var word in launch.Prefix)
            {
                commandLine.AppendQuoted(word);
            }
        }

        foreach (var word in run.Arguments)
        {
            // A value with a credential in it (a SAS on a data URI) is marked secret, so no verbosity prints it; a
            // plain word (a command, a flag) is not quoted, so Cake's log reads like the command a person types.
            _ = CliProcessEnvironment.CarriesCredential(word) ? commandLine.AppendQuotedSecret(word)
                : word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? commandLine.Append(word)
                : commandLine.AppendQuoted(word);
        }

        var standardOutput = new List<string>();
        Run(settings, commandLine, new ProcessSettings { RedirectStandardOutput = true, RedirectStandardError = true }, process =>
        {
            standardOutput.AddRange(process.GetStandardOutput());
            foreach (var line in process.GetStandardError())
            {
                Relay(run.ReadErrorLine(line), line);
            }

            result = run.Result(process.GetExitCode(), string.Join('\n', standardOutput));
        });

        result ??= run.Result(0, string.Join('\n', standardOutput));

        // A failure HandleExitCode accepted may still be one with no result: the error document says so.
        return !result.Succeeded && result.Problem() is { } problem
            ? throw Errors.CommandFailed(result.ExitCode, result.Errors.Count > 0 ? result.Errors : [$"{problem.Code}: {problem.Message}"])
            : result;
    }

    protected override string GetToolName() => "model-registry";

    protected override IEnumerable<string> GetToolExecutableNames() => ["model-registry", "model-registry.exe"];

    protected override IEnumerable<FilePath> GetAlternativeToolPaths(ModelRegistrySettings settings) =>
        HostedLaunch(settings) is { } launch ? [.. locator.GlobalToolPaths(), launch.Host] : locator.GlobalToolPaths();

    /// <summary>The run's environment and the settings' own variables (a GitHub token) join the process environment.</summary>
    protected override IDictionary<string, string> GetEnvironmentVariables(ModelRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var variables = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in settings.ProcessEnvironment().Concat(run?.Environment ?? new Dictionary<string, string>()))
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>Fails with the CLI's coded errors: they say what happened and what to do, in the registry's words.</summary>
    protected override void ProcessExitCode(int exitCode)
    {
        if (exitCode == 0)
        {
            return;
        }

        var errors = result?.Errors ?? [];
        throw errors.Count > 0
            ? Errors.CommandFailed(exitCode, errors)
            : Errors.CommandCrashed(run?.Name ?? "", exitCode, result?.OtherErrorLines ?? []);
    }

    private CliLaunch? HostedLaunch(ModelRegistrySettings settings) =>
        locator.HostedLaunch(settings.WorkingDirectory ?? context.Environment.WorkingDirectory);

    private string Searched() =>
        "ToolPath, #tool registrations, PATH, " + string.Join(", ", locator.GlobalToolPaths().Select(p => p.FullPath))
        + ", dotnet-tools.json manifests, the addin package's tools/cli";

    /// <summary>Warnings go to Cake's log as warnings; coded errors wait for the failure; the rest is verbose.</summary>
    private void Relay(CliDiagnosticLine? diagnostic, string line)
    {
        if (diagnostic is { IsError: false })
        {
            context.Log.Warning("{0}", diagnostic.ToString());
        }
        else if (diagnostic is null && !string.IsNullOrWhiteSpace(line) && !CliDiagnosticLine.IsWorkflowCommand(line))
        {
            context.Log.Verbose("{0}", line);
        }
    }
}
