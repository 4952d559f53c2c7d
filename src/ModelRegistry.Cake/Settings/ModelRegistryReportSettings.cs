using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry report</c> (<see cref="ModelRegistryAliases.ModelRegistryReport(ICakeContext, DirectoryPath, ModelRegistryReportSettings)"/>).</summary>
public sealed class ModelRegistryReportSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets the point in history the site shows: an ISO 8601 time or a revision number. CLI flag: <c>--as-of</c>.</summary>
    public string? AsOf { get; set; }

    /// <summary>Gets or sets the models the site shows; every model when empty. CLI flag: <c>--model</c> (repeated).</summary>
    public ICollection<string> Models { get; set; } = new List<string>();

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--as-of", AsOf).Options("--model", Models);
    }
}
