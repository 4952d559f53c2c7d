using System.Collections;
using Microsoft.Build.Framework;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>A hand-written IBuildEngine that records what a task logged.</summary>
internal sealed class FakeBuildEngine(string projectFile = "/project/Test.csproj") : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; } = projectFile;

    public IEnumerable<string> ErrorCodes => Errors.Select(e => e.Code);

    public IEnumerable<string> WarningCodes => Warnings.Select(e => e.Code);

    public string AllMessages => string.Join('\n', Messages.Select(m => m.Message));

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The tasks under test build no projects.");
}
