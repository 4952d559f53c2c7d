using Cake.Core;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry gate pull-request</c> (<see cref="ModelRegistryAliases.ModelRegistryPullRequestGate(ICakeContext, int, string, ModelRegistryPullRequestGateSettings)"/>).</summary>
public sealed class ModelRegistryPullRequestGateSettings : ModelRegistryGitHubSettings
{
    /// <summary>Gets or sets the stage whose version is the baseline and whose policy thresholds apply. CLI flag: <c>--stage</c>. Default: Production.</summary>
    public string? Stage { get; set; }

    /// <summary>Gets or sets threshold rules, such as <c>auc&gt;=Production-0.005</c>. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; set; } = new List<string>();

    /// <summary>
    /// Gets or sets the address of the registry's static site (<c>ModelRegistryReport</c>); the comment then links the
    /// candidate's and the baseline's pages. CLI flag: <c>--report-url</c>. Default: <c>$MODEL_REGISTRY_REPORT_URL</c>.
    /// </summary>
    public string? ReportUrl { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        base.AddOptions(line, environment);
        line.Option("--stage", Stage).Options("--threshold", Thresholds).Option("--report-url", ReportUrl);
    }
}
