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

    /// <summary>
    /// Gets or sets the training project's folder; the code lineage is read from the git repository that holds it.
    /// CLI flag: <c>--project-dir</c>. Default: the working directory.
    /// </summary>
    public DirectoryPath? ProjectDirectory { get; set; }

    /// <summary>Records a training input (<c>--data</c>).</summary>
    /// <param name="data">A file, a folder or a URI.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithData(string data)
    {
        Data.Add(data);
        return this;
    }

    /// <summary>Records a configuration file (<c>--config</c>).</summary>
    /// <param name="config">The configuration file.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithConfig(FilePath config)
    {
        Config.Add(config);
        return this;
    }

    /// <summary>Records the value of an environment variable in the recipe (<c>--env</c>).</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithRecordedVariable(string name)
    {
        RecordedVariables.Add(name);
        return this;
    }

    /// <summary>Records the container image training ran in (<c>--container-image</c>).</summary>
    /// <param name="image">The image, ideally <c>name@sha256:...</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithContainerImage(string image)
    {
        ContainerImage = image;
        return this;
    }

    /// <summary>Sets the training project's folder, whose git repository gives the code lineage (<c>--project-dir</c>).</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithProjectDirectory(DirectoryPath folder)
    {
        ProjectDirectory = folder;
        return this;
    }

    /// <summary>Adds a model file or folder (a positional argument after the first).</summary>
    /// <param name="artifact">A file or folder.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithArtifact(CakePath artifact)
    {
        Artifacts.Add(artifact);
        return this;
    }

    /// <summary>Sets the metrics file (<c>--metrics</c>).</summary>
    /// <param name="metrics">The JSON metrics file.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithMetrics(FilePath metrics)
    {
        Metrics = metrics;
        return this;
    }

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    /// <param name="rule">The rule, such as <c>auc&gt;=0.90</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithThreshold(string rule)
    {
        Thresholds.Add(rule);
        return this;
    }

    /// <summary>Sets the semantic-version label (<c>--label</c>).</summary>
    /// <param name="label">The label, such as <c>1.2.0</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithLabel(string label)
    {
        Label = label;
        return this;
    }

    /// <summary>Adds a tag (<c>--tag key=value</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithTag(string key, string value)
    {
        Tags[key] = value;
        return this;
    }

    /// <summary>Sets the description (<c>--description</c>).</summary>
    /// <param name="description">What this version is.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithDescription(string description)
    {
        Description = description;
        return this;
    }

    /// <summary>Sets the training command recorded in the recipe (<c>--command</c>).</summary>
    /// <param name="command">The command line.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithCommand(string command)
    {
        Command = command;
        return this;
    }

    /// <summary>Adds threshold rules (<c>--threshold</c>, once per rule).</summary>
    /// <param name="rules">The rules, such as <c>auc&gt;=0.90</c> and <c>latency_p95_ms&lt;=50</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryRegisterSettings WithThresholds(IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            Thresholds.Add(rule);
        }

        return this;
    }

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
            Data = [.. Data.Select(d => CliArguments.Location(d, environment))],
            Config = [.. Config.Select(c => CliArguments.Absolute(c, environment))],
            RecordedVariables = [.. RecordedVariables],
            ContainerImage = ContainerImage,
            ProjectDirectory = ProjectDirectory is null ? null : CliArguments.Absolute(ProjectDirectory, environment),
        };
}
