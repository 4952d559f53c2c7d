using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>
/// Builds a project inside the test process with the SDK's MSBuild (fast: no process start, no restore). The projects
/// import the package's props and targets straight from the source tree, with the task assembly and the tool taken
/// from this build. BuildManager is process-wide, so every test using this is in one non-parallel collection.
/// </summary>
internal static class InProcessBuild
{
    public static BuildOutcome Run(string projectFile, string targets, IDictionary<string, string>? properties = null)
    {
        var globals = new Dictionary<string, string?>(properties?.ToDictionary(p => p.Key, p => (string?)p.Value) ?? [])
        {
            ["_ModelRegistryTasksAssembly"] = ProductPaths.TasksAssembly,
            ["_ModelRegistryCliPath"] = ProductPaths.Cli,
        };
        using var collection = new ProjectCollection(globals!);
        var logger = new RecordingLogger();
        var parameters = new BuildParameters(collection) { Loggers = [logger], EnableNodeReuse = false, MaxNodeCount = 1 };
        var request = new BuildRequestData(projectFile, globals, null, targets.Split(';'), null, BuildRequestDataFlags.ProvideProjectStateAfterBuild);
        var result = BuildManager.DefaultBuildManager.Build(parameters, request);
        return new BuildOutcome(result, logger);
    }

    /// <summary>A project that imports the package the way NuGet would: props first, targets last.</summary>
    public static string Project(string body) => $"""
        <Project>
          <Import Project="{ProductPaths.BuildFolder}ModelRegistry.Build.props" />
          <PropertyGroup>
            <BaseIntermediateOutputPath>obj/</BaseIntermediateOutputPath>
            <IntermediateOutputPath>obj/</IntermediateOutputPath>
            <RootNamespace>Sample</RootNamespace>
          </PropertyGroup>
          {body}
          <Target Name="Build" />
          <Import Project="{ProductPaths.BuildFolder}ModelRegistry.Build.targets" />
        </Project>
        """;
}

internal sealed record BuildOutcome(BuildResult Result, RecordingLogger Log)
{
    public bool Succeeded => Result.OverallResult == BuildResultCode.Success;

    public ProjectInstance State => Result.ProjectStateAfterBuild!;

    public IReadOnlyList<ProjectItemInstance> Items(string type) => [.. State.GetItems(type)];

    public string Property(string name) => State.GetPropertyValue(name);

    public override string ToString() => Log.Transcript;
}

/// <summary>Keeps every error, warning, message and skipped target of a build.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<string> Messages { get; } = [];

    public List<string> TargetsRun { get; } = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

    public string? Parameters { get; set; }

    public string Transcript => string.Join('\n', Errors.Select(e => $"error {e.Code}: {e.Message}").Concat(Warnings.Select(w => $"warning {w.Code}: {w.Message}")).Concat(Messages));

    public void Initialize(IEventSource eventSource)
    {
        eventSource.ErrorRaised += (_, e) => Errors.Add(e);
        eventSource.WarningRaised += (_, e) => Warnings.Add(e);
        eventSource.MessageRaised += (_, e) => Messages.Add(e.Message ?? "");
        eventSource.TargetFinished += (_, e) =>
        {
            if (e.Succeeded)
            {
                TargetsRun.Add(e.TargetName);
            }
        };
    }

    public void Shutdown()
    {
    }
}
