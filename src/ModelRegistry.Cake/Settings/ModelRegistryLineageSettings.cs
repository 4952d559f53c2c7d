using Cake.Core;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry lineage</c> (<see cref="ModelRegistryAliases.ModelRegistryLineage(ICakeContext, string, ModelRegistryLineageSettings)"/>).</summary>
public sealed class ModelRegistryLineageSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets or sets the point in history to read the registry at: an ISO 8601 time or a revision number.
    /// CLI flag: <c>--as-of</c>.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>Gets or sets, for a dataset query, the one model to look in (needed with a revision <c>AsOf</c>). CLI flag: <c>--model</c>.</summary>
    public string? Model { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--as-of", AsOf).Option("--model", Model);
    }
}
