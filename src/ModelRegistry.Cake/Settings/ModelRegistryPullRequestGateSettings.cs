using ModelRegistry.Faces;
using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry gate pull-request</c> (<see cref="ModelRegistryAliases.ModelRegistryPullRequestGate(ICakeContext, int, string, ModelRegistryPullRequestGateSettings)"/>).</summary>
public sealed class ModelRegistryPullRequestGateSettings : ModelRegistryGitHubSettings
{
    /// <summary>Gets or sets the stage whose version is the baseline and whose policy thresholds apply. CLI flag: <c>--stage</c>. Default: Production.</summary>
    public string? Stage { get; set; }

    /// <summary>Gets threshold rules, such as <c>auc&gt;=Production-0.005</c>. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; } = new List<string>();

    /// <summary>Sets the baseline stage (<c>--stage</c>).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPullRequestGateSettings WithStage(string stage)
    {
        Stage = stage;
        return this;
    }

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    /// <param name="rule">The rule, such as <c>auc&gt;=Production-0.005</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPullRequestGateSettings WithThreshold(string rule)
    {
        Thresholds.Add(rule);
        return this;
    }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        base.AddOptions(line, environment);
        line.Option("--stage", Stage).Options("--threshold", Thresholds);
    }
}
