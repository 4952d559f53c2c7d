using ModelRegistry.Faces;
using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry report</c> (<see cref="ModelRegistryAliases.ModelRegistryReport(ICakeContext, DirectoryPath, ModelRegistryReportSettings)"/>).</summary>
public sealed class ModelRegistryReportSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets the point in history the site shows: an ISO 8601 time or a revision number. CLI flag: <c>--as-of</c>.</summary>
    public string? AsOf { get; set; }

    /// <summary>Gets the models the site shows; every model when empty. CLI flag: <c>--model</c> (repeated).</summary>
    public ICollection<string> Models { get; } = new List<string>();

    /// <summary>Shows the registry as it was at a time or revision (<c>--as-of</c>).</summary>
    public ModelRegistryReportSettings WithAsOf(string asOf) => this.With(s => s.AsOf = asOf);

    /// <summary>Adds a model to show (<c>--model</c>).</summary>
    public ModelRegistryReportSettings WithModel(string model) => this.With(s => s.Models.Add(model));

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--as-of", AsOf).Options("--model", Models);
    }
}
