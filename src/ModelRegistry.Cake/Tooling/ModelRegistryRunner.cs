using System.Text.Json;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>
/// Runs one model-registry command the way Cake runs every tool, always with <c>--json</c>, and hands back its one
/// JSON document. The CLI runs in a process of its own, so none of the registry's dependencies (Azure SDK,
/// LibGit2Sharp, Octokit) loads into Cake, which pins its own versions of shared assemblies.
/// </summary>
internal sealed class ModelRegistryRunner : Tool<ModelRegistrySettings>
{
    private readonly ICakeContext context;
    private readonly CliLocator locator;
    private readonly List<string> codedErrors = [];
    private readonly List<string> otherErrorLines = [];
    private string command = "";

    public ModelRegistryRunner(ICakeContext context)
        : base(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools)
    {
        this.context = context;
        locator = new CliLocator(context.Environment, context.FileSystem);
    }

    /// <summary>
    /// Runs <c>model-registry &lt;command&gt; &lt;arguments&gt; &lt;settings' options&gt; --json</c>. A non-zero exit fails with
    /// the CLI's coded errors unless <see cref="ToolSettings.HandleExitCode"/> accepts it; an error document always
    /// fails.
    /// </summary>
    public JsonElement Execute(string command, ProcessArgumentBuilder arguments, ModelRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.command = command;
        if (settings.ToolPath is { } toolPath && toolPath.GetExtension() is ".dll")
        {
            throw Errors.ToolPathIsAssembly(toolPath.FullPath);
        }

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

        commandLine.Append(command);
        foreach (var argument in arguments)
        {
            commandLine.Append(argument);
        }

        settings.AppendArguments(commandLine, context.Environment);
        commandLine.Append("--json");

        var standardOutput = new List<string>();
        Run(settings, commandLine, new ProcessSettings { RedirectStandardOutput = true, RedirectStandardError = true }, process =>
        {
            standardOutput.AddRange(process.GetStandardOutput());
            ReadStandardError(process.GetStandardError());
        });

        return ReadDocument(standardOutput);
    }

    protected override string GetToolName() => "model-registry";

    protected override IEnumerable<string> GetToolExecutableNames() => ["model-registry", "model-registry.exe"];

    protected override IEnumerable<FilePath> GetAlternativeToolPaths(ModelRegistrySettings settings)
    {
        foreach (var path in locator.GlobalToolPaths())
        {
            yield return path;
        }

        if (HostedLaunch(settings) is { } launch)
        {
            yield return launch.Host;
        }
    }

    /// <summary>The settings' own variables (a GitHub token) join the process environment; the settings' dictionary is left as it is.</summary>
    protected override IDictionary<string, string> GetEnvironmentVariables(ModelRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var variables = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in settings.ProcessEnvironment())
        {
            variables[name] = value;
        }

        var shared = new Dictionary<string, string?>(StringComparer.Ordinal);
        CliProcessEnvironment.Apply(shared, settings.Registry);
        foreach (var (name, value) in shared)
        {
            variables[name] = value ?? "";
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

        throw codedErrors.Count > 0
            ? Errors.CommandFailed(exitCode, codedErrors)
            : Errors.CommandCrashed(command, exitCode, otherErrorLines);
    }

    private CliLaunch? HostedLaunch(ModelRegistrySettings settings) =>
        locator.HostedLaunch(settings.WorkingDirectory ?? context.Environment.WorkingDirectory);

    private string Searched() =>
        "ToolPath, #tool registrations, PATH, " + string.Join(", ", locator.GlobalToolPaths().Select(p => p.FullPath))
        + ", dotnet-tools.json manifests, the addin package's tools/cli";

    /// <summary>Coded errors are kept for the failure; warnings go to Cake's log as warnings; the rest is verbose.</summary>
    private void ReadStandardError(IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l) && !CliDiagnosticLine.IsWorkflowCommand(l)))
        {
            if (CliDiagnosticLine.TryParse(line) is not { } diagnostic)
            {
                otherErrorLines.Add(line);
                context.Log.Verbose("{0}", line);
            }
            else if (diagnostic.IsError)
            {
                codedErrors.Add(diagnostic.ToString());
            }
            else
            {
                context.Log.Warning("{0}", diagnostic.ToString());
            }
        }
    }

    private JsonElement ReadDocument(List<string> standardOutput)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(string.Join('\n', standardOutput));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Errors.UnreadableOutput(command, e.Message);
        }

        // The error document: the exit code was accepted by HandleExitCode, but there is no result to return.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw Errors.CommandFailed(1, [codedErrors.FirstOrDefault() ?? $"{code}: {message}"]);
        }

        return root;
    }
}
