using System.Globalization;
using Cake.Core;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry retention set</c> and <c>retention clear</c>
/// (<see cref="ModelRegistryAliases.ModelRegistrySetRetention(ICakeContext, ModelRegistryRetentionSettings)"/>).</summary>
public sealed class ModelRegistryRetentionSettings : ModelRegistrySettings
{
    /// <summary>Gets or sets the model whose own rules change; null for the registry default.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets how many of the newest versions keep their files. CLI flag: <c>--keep-last</c>.</summary>
    public int? KeepLast { get; set; }

    /// <summary>Gets or sets whether every labelled version keeps its files. CLI flag: <c>--keep-labelled</c>.</summary>
    public bool? KeepLabelled { get; set; }

    /// <summary>Gets or sets the window in which a version that left Production (or another stage) keeps its files: <c>365d</c>. CLI flag: <c>--keep-production-for</c>.</summary>
    public string? KeepProductionFor { get; set; }

    /// <summary>Gets or sets how many days a newly registered version keeps its files. CLI flag: <c>--keep-days</c>.</summary>
    public int? KeepDays { get; set; }

    /// <summary>Gets or sets why the policy changes, recorded in its revision. CLI flag: <c>--reason</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets a value indicating whether to remove the model's own rules (or the default) instead of setting rules (<c>retention clear</c>).</summary>
    public bool Clear { get; set; }

    internal string Command => Clear ? "retention clear" : "retention set";

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        if (Model is not null)
        {
            line.Add(Model);
        }
        line.Option("--reason", Reason);
        if (Clear)
        {
            return;
        }

        line.Option("--keep-last", KeepLast?.ToString(CultureInfo.InvariantCulture));
        line.Option("--keep-labelled", KeepLabelled is { } labelled ? (labelled ? "true" : "false") : null);
        line.Option("--keep-production-for", KeepProductionFor);
        line.Option("--keep-days", KeepDays?.ToString(CultureInfo.InvariantCulture));
    }
}
