namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>A GitHub Actions step's files: $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY in a temp folder.</summary>
public sealed class ActionsStep : IDisposable
{
    public ActionsStep()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(OutputFile, "");
        File.WriteAllText(SummaryFile, "");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mrb-step-" + Guid.NewGuid().ToString("N")[..12]);

    public string OutputFile => Path.Combine(Folder, "output");

    public string SummaryFile => Path.Combine(Folder, "summary.md");

    public string Outputs => File.ReadAllText(OutputFile);

    public string Summary => File.ReadAllText(SummaryFile);

    /// <summary>The variables the runner sets for a step of run <paramref name="runId"/>, plus the world's GitHub ones.</summary>
    public Dictionary<string, string?> Environment(GitHubWorld world, string token, long runId, string actor = "alice")
    {
        var environment = world.WorkflowEnvironment(token);
        environment["GITHUB_ACTIONS"] = "true";
        environment["CI"] = "true";
        environment["GITHUB_RUN_ID"] = runId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["GITHUB_ACTOR"] = actor;
        environment["GITHUB_OUTPUT"] = OutputFile;
        environment["GITHUB_STEP_SUMMARY"] = SummaryFile;
        return environment;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
