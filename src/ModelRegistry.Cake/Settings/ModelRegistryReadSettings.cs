using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>What the aliases that read one version (resolve, pull) share: the point in history and the trust policy.</summary>
public abstract class ModelRegistryReadSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets or sets the point in history to read the registry at: an ISO 8601 time or a revision number.
    /// CLI flag: <c>--as-of</c>.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>Gets or sets the trust policy file (docs/signing.md) the version must satisfy: a version whose registration
    /// or move into its stage is not signed by a trusted key is refused (MRB2005). CLI flag: <c>--trust</c>.</summary>
    public FilePath? Trust { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--as-of", AsOf);
        line.Option("--trust", Trust, environment);
    }
}
