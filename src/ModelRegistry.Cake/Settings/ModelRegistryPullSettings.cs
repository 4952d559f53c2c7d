using ModelRegistry.Faces;
using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry pull</c> (<see cref="ModelRegistryAliases.ModelRegistryPull(ICakeContext, string, DirectoryPath, ModelRegistryPullSettings)"/>).</summary>
public sealed class ModelRegistryPullSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets or sets the point in history to read the registry at: an ISO 8601 time or a revision number.
    /// CLI flag: <c>--as-of</c>.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>Reads the registry as it was at a time or revision (<c>--as-of</c>).</summary>
    public ModelRegistryPullSettings WithAsOf(string asOf) => this.With(s => s.AsOf = asOf);

    /// <summary>Gets or sets the trust policy file (docs/signing.md) the version must satisfy: a version whose registration
    /// or move into its stage is not signed by a trusted key is refused (MRB2005). CLI flag: <c>--trust</c>.</summary>
    public FilePath? Trust { get; set; }

    /// <summary>Accepts only versions this trust policy accepts (<c>--trust</c>).</summary>
    public ModelRegistryPullSettings WithTrust(FilePath policy) => this.With(s => s.Trust = policy);

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--as-of", AsOf);
        line.Option("--trust", Trust, environment);
    }
}
