using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;
using CakePath = Cake.Core.IO.Path;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry register</c> (<see cref="ModelRegistryAliases.ModelRegistryRegister(ICakeContext, string, FilePath, ModelRegistryRegisterSettings)"/>).</summary>
public sealed class ModelRegistryRegisterSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets more model files or folders, registered with the one given to the alias (positional arguments).</summary>
    public ICollection<CakePath> Artifacts { get; set; } = new List<CakePath>();

    /// <summary>Gets or sets the JSON metrics file recorded with the version and read by the thresholds. CLI flag: <c>--metrics</c>.</summary>
    public FilePath? Metrics { get; set; }

    /// <summary>Gets or sets the threshold rules the metrics must pass before anything is registered. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; set; } = new List<string>();

    /// <summary>Gets or sets a semantic-version label, unique per model (<c>1.2.0</c>). CLI flag: <c>--label</c>.</summary>
    public string? Label { get; set; }

    /// <summary>Gets free key=value tags. CLI flag: <c>--tag key=value</c> (repeated).</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets what this version is. CLI flag: <c>--description</c>.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the training command line, recorded in the recipe. CLI flag: <c>--command</c>.</summary>
    public string? Command { get; set; }

    /// <summary>
    /// Gets or sets the training inputs recorded in the recipe: files and folders (by digest; relative to the script's
    /// working directory), Azure blob URIs or other URIs. CLI flag: <c>--data</c> (repeated).
    /// </summary>
    public ICollection<string> Data { get; set; } = new List<string>();

    /// <summary>Gets or sets the configuration files training read, recorded by digest. CLI flag: <c>--config</c> (repeated).</summary>
    public ICollection<FilePath> Config { get; set; } = new List<FilePath>();

    /// <summary>
    /// Gets or sets the names of environment variables whose values the recipe records (such as <c>SEED</c>; secret-looking
    /// names are refused). CLI flag: <c>--env</c> (repeated). Not to be confused with <c>EnvironmentVariables</c>,
    /// which sets variables for the CLI process.
    /// </summary>
    public ICollection<string> RecordedVariables { get; set; } = new List<string>();

    /// <summary>Gets or sets the container image training ran in, ideally <c>name@sha256:...</c>. CLI flag: <c>--container-image</c>.</summary>
    public string? ContainerImage { get; set; }

    /// <summary>Gets or sets a JSON file declaring the model's inputs and outputs (docs/schemas.md). CLI flag: <c>--schema</c>.</summary>
    public FilePath? Schema { get; set; }

    /// <summary>
    /// Gets or sets the training project's folder; the code lineage is read from the git repository that holds it.
    /// CLI flag: <c>--project-dir</c>. Default: the working directory.
    /// </summary>
    public DirectoryPath? ProjectDirectory { get; set; }

    /// <summary>The command line of <c>register</c>, written once for both faces by the contract.</summary>
    internal RegisterCommandLine CommandLine(string model, CakePath artifact, ICakeEnvironment environment) =>
        new(model, [.. Artifacts.Prepend(artifact).Select(a => CliArguments.Absolute(a, environment))])
        {
            Metrics = Metrics is null ? null : CliArguments.Absolute(Metrics, environment),
            Thresholds = [.. Thresholds],
            Label = Label,
            Tags = [.. Tags.Select(t => $"{t.Key}={t.Value}")],
            Description = Description,
            TrainingCommand = Command,
            Data = [.. Data.Select(d => RegisterCommandLine.DataLocation(d, path => CliArguments.Absolute(new FilePath(path), environment)))],
            Config = [.. Config.Select(c => CliArguments.Absolute(c, environment))],
            RecordedVariables = [.. RecordedVariables],
            ContainerImage = ContainerImage,
            Schema = Schema is null ? null : CliArguments.Absolute(Schema, environment),
            ProjectDirectory = ProjectDirectory is null ? null : CliArguments.Absolute(ProjectDirectory, environment),
        };
}
