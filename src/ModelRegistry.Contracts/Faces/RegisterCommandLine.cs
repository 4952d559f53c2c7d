namespace ModelRegistry.Faces;

/// <summary>
/// The words of one <c>model-registry register</c>, written once for every face (the MSBuild task and the Cake
/// alias), so an option added to the tool is added to both faces or to neither. Paths are given absolute: each face
/// resolves them against its own working directory first.
/// </summary>
public sealed record RegisterCommandLine(string Model, IReadOnlyList<string> Artifacts)
{
    /// <summary>The JSON metrics file (<c>--metrics</c>).</summary>
    public string? Metrics { get; init; }

    /// <summary>Threshold rules such as <c>auc&gt;=0.90</c> (<c>--threshold</c>, repeated).</summary>
    public IReadOnlyList<string> Thresholds { get; init; } = [];

    /// <summary>A semantic-version label (<c>--label</c>).</summary>
    public string? Label { get; init; }

    /// <summary><c>key=value</c> tags (<c>--tag</c>, repeated).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>What this version is (<c>--description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The training command recorded in the recipe (<c>--command</c>).</summary>
    public string? TrainingCommand { get; init; }

    /// <summary>Training inputs: files and folders by digest, or URIs (<c>--data</c>, repeated).</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Configuration files training read (<c>--config</c>, repeated).</summary>
    public IReadOnlyList<string> Config { get; init; } = [];

    /// <summary>Names of environment variables whose values the recipe records (<c>--env</c>, repeated).</summary>
    public IReadOnlyList<string> RecordedVariables { get; init; } = [];

    /// <summary>The container image training ran in (<c>--container-image</c>).</summary>
    public string? ContainerImage { get; init; }

    /// <summary>A JSON file declaring the model's inputs and outputs (<c>--schema</c>, docs/schemas.md).</summary>
    public string? Schema { get; init; }

    /// <summary>The folder whose git repository gives the code lineage (<c>--project-dir</c>).</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>
    /// A training input as the tool takes it: a URI (<c>https://</c>, <c>az://</c>) exactly as written, anything else a
    /// local path that the face makes absolute against its own working directory.
    /// </summary>
    public static string DataLocation(string written, Func<string, string> absolutePath)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(absolutePath);
        return written.Contains("://", StringComparison.Ordinal) ? written : absolutePath(written);
    }

    /// <summary>The command and its arguments, for <see cref="CliRun"/> (which adds <c>--registry</c> and <c>--json</c>).</summary>
    public CliCommandLine ToCommandLine() =>
        new CliCommandLine("register", Model).Add(Artifacts)
            .Option("--metrics", Metrics)
            .Options("--threshold", Thresholds)
            .Option("--label", Label)
            .Options("--tag", Tags)
            .Option("--description", Description)
            .Option("--command", TrainingCommand)
            .Options("--data", Data)
            .Options("--config", Config)
            .Options("--env", RecordedVariables)
            .Option("--container-image", ContainerImage)
            .Option("--schema", Schema)
            .Option("--project-dir", ProjectDirectory);
}
