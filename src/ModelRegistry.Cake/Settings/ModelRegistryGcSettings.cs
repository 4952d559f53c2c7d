using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry gc</c> (<see cref="ModelRegistryAliases.ModelRegistryGc(ICakeContext, ModelRegistryGcSettings)"/>).</summary>
public sealed class ModelRegistryGcSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets how old a file must be before gc takes it: <c>24h</c>, <c>7d</c> (default 24h, at least 1h). CLI flag: <c>--grace</c>.</summary>
    public string? Grace { get; set; }

    /// <summary>Gets or sets a value indicating whether to purge and delete; without it gc only plans. CLI flag: <c>--apply</c>.</summary>
    public bool Apply { get; set; }

    /// <summary>Gets or sets a retention policy file to plan with instead of the registry's policy (plans only). CLI flag: <c>--policy</c>.</summary>
    public FilePath? PolicyFile { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Option("--grace", Grace);
        line.Flag("--apply", Apply);
        line.Option("--policy", PolicyFile, environment);
    }
}
