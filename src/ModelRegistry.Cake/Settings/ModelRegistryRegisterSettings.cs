using ModelRegistry.Faces;
using Cake.Core;
using Cake.Core.IO;
using CakePath = Cake.Core.IO.Path;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry register</c> (<see cref="ModelRegistryAliases.ModelRegistryRegister(ICakeContext, string, FilePath, ModelRegistryRegisterSettings)"/>).</summary>
public sealed class ModelRegistryRegisterSettings : ModelRegistrySettings
{
    /// <summary>Gets more model files or folders, registered with the one given to the alias (positional arguments).</summary>
    public ICollection<CakePath> Artifacts { get; } = new List<CakePath>();

    /// <summary>Gets or sets the JSON metrics file recorded with the version and read by the thresholds. CLI flag: <c>--metrics</c>.</summary>
    public FilePath? Metrics { get; set; }

    /// <summary>Gets the threshold rules the metrics must pass before anything is registered. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; } = new List<string>();

    /// <summary>Gets or sets a semantic-version label, unique per model (<c>1.2.0</c>). CLI flag: <c>--label</c>.</summary>
    public string? Label { get; set; }

    /// <summary>Gets free key=value tags. CLI flag: <c>--tag key=value</c> (repeated).</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets what this version is. CLI flag: <c>--description</c>.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the training command line, recorded in the recipe. CLI flag: <c>--command</c>.</summary>
    public string? Command { get; set; }

    /// <summary>
    /// Gets the training inputs recorded in the recipe: files and folders (by digest; relative to the script's
    /// working directory), Azure blob URIs or other URIs. CLI flag: <c>--data</c> (repeated).
    /// </summary>
    public ICollection<string> Data { get; } = new List<string>();

    /// <summary>Gets the configuration files training read, recorded by digest. CLI flag: <c>--config</c> (repeated).</summary>
    public ICollection<FilePath> Config { get; } = new List<FilePath>();

    /// <summary>
    /// Gets the names of environment variables whose values the recipe records (such as <c>SEED</c>; secret-looking
    /// names are refused). CLI flag: <c>--env</c> (repeated). Not to be confused with <c>EnvironmentVariables</c>,
    /// which sets variables for the CLI process.
    /// </summary>
    public ICollection<string> RecordedVariables { get; } = new List<string>();

    /// <summary>Gets or sets the container image training ran in, ideally <c>name@sha256:...</c>. CLI flag: <c>--container-image</c>.</summary>
    public string? ContainerImage { get; set; }

    /// <summary>Gets or sets a JSON file declaring the model's inputs and outputs (docs/schemas.md). CLI flag: <c>--schema</c>.</summary>
    public FilePath? Schema { get; set; }

    /// <summary>
    /// Gets or sets the training project's folder; the code lineage is read from the git repository that holds it.
    /// CLI flag: <c>--project-dir</c>. Default: the working directory.
    /// </summary>
    public DirectoryPath? ProjectDirectory { get; set; }

    /// <summary>Records a training input (<c>--data</c>).</summary>
    public ModelRegistryRegisterSettings WithData(string data) => this.With(s => s.Data.Add(data));

    /// <summary>Records a configuration file (<c>--config</c>).</summary>
    public ModelRegistryRegisterSettings WithConfig(FilePath config) => this.With(s => s.Config.Add(config));

    /// <summary>Records the value of an environment variable in the recipe (<c>--env</c>).</summary>
    public ModelRegistryRegisterSettings WithRecordedVariable(string name) => this.With(s => s.RecordedVariables.Add(name));

    /// <summary>Records the container image training ran in (<c>--container-image</c>).</summary>
    public ModelRegistryRegisterSettings WithContainerImage(string image) => this.With(s => s.ContainerImage = image);

    /// <summary>Declares the model's schema from a JSON file (<c>--schema</c>).</summary>
    /// <example><code>ModelRegistryRegister("FraudDetection", "out/model.zip", s => s.WithSchema("schema.json"));</code></example>
    public ModelRegistryRegisterSettings WithSchema(FilePath schema) => this.With(s => s.Schema = schema);

    /// <summary>Sets the training project's folder, whose git repository gives the code lineage (<c>--project-dir</c>).</summary>
    public ModelRegistryRegisterSettings WithProjectDirectory(DirectoryPath folder) => this.With(s => s.ProjectDirectory = folder);

    /// <summary>Adds a model file or folder (a positional argument after the first).</summary>
    public ModelRegistryRegisterSettings WithArtifact(CakePath artifact) => this.With(s => s.Artifacts.Add(artifact));

    /// <summary>Sets the metrics file (<c>--metrics</c>).</summary>
    public ModelRegistryRegisterSettings WithMetrics(FilePath metrics) => this.With(s => s.Metrics = metrics);

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    public ModelRegistryRegisterSettings WithThreshold(string rule) => this.With(s => s.Thresholds.Add(rule));

    /// <summary>Sets the semantic-version label (<c>--label</c>).</summary>
    public ModelRegistryRegisterSettings WithLabel(string label) => this.With(s => s.Label = label);

    /// <summary>Adds a tag (<c>--tag key=value</c>).</summary>
    public ModelRegistryRegisterSettings WithTag(string key, string value) => this.With(s => s.Tags[key] = value);

    /// <summary>Sets the description (<c>--description</c>).</summary>
    public ModelRegistryRegisterSettings WithDescription(string description) => this.With(s => s.Description = description);

    /// <summary>Sets the training command recorded in the recipe (<c>--command</c>).</summary>
    public ModelRegistryRegisterSettings WithCommand(string command) => this.With(s => s.Command = command);

    /// <summary>Adds threshold rules (<c>--threshold</c>, once per rule).</summary>
    public ModelRegistryRegisterSettings WithThresholds(IEnumerable<string> rules) => this.With(s => s.Thresholds.AddRange(rules));

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
