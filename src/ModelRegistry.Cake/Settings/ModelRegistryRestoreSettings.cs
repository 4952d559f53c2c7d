using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry restore</c> (<see cref="ModelRegistryAliases.ModelRegistryRestore(ICakeContext, IEnumerable{string}, ModelRegistryRestoreSettings)"/>).</summary>
public sealed class ModelRegistryRestoreSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets the lock file to read and write. CLI flag: <c>--lock-file</c>; default <c>models.lock.json</c>
    /// in the working directory.</summary>
    public FilePath? LockFile { get; set; }

    /// <summary>Gets or sets the model cache folder. CLI flag: <c>--cache</c>; default <c>~/.model-registry/cache</c>,
    /// the cache builds and services share.</summary>
    public DirectoryPath? Cache { get; set; }

    /// <summary>Gets or sets a value indicating whether every reference is resolved again and the lock updated. CLI flag: <c>--refresh</c>.</summary>
    public bool Refresh { get; set; }

    /// <summary>Gets or sets a value indicating whether nothing may change: the lock must pin every reference to the
    /// version the registry resolves it to now (CI). CLI flag: <c>--locked</c>.</summary>
    public bool Locked { get; set; }

    /// <summary>Gets or sets the trust policy file (docs/signing.md) every version restored must satisfy: a version whose registration
    /// or move into its stage is not signed by a trusted key is refused (MRB2005). CLI flag: <c>--trust</c>.</summary>
    public FilePath? Trust { get; set; }

    /// <summary>Gets the schema pins (docs/schemas.md), by model: the declared-schema file the consumer was written
    /// against; a version whose schema breaks its pin is refused before anything is installed (MRB2110, MRB2111). CLI flag:
    /// <c>--schema model=file</c>.</summary>
    public IDictionary<string, FilePath> Schemas { get; } = new Dictionary<string, FilePath>(StringComparer.OrdinalIgnoreCase);

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--lock-file", LockFile, environment);
        line.Option("--cache", Cache, environment);
        line.Flag("--refresh", Refresh);
        line.Flag("--locked", Locked);
        line.Option("--trust", Trust, environment);
        line.Options("--schema", Schemas.Select(p => $"{p.Key}={CliArguments.Absolute(p.Value, environment)}"));
    }
}
