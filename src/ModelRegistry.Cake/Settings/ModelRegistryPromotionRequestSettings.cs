using Cake.Core;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry promote request</c> (<see cref="ModelRegistryAliases.ModelRegistryRequestPromotion(ICakeContext, string, string, ModelRegistryPromotionRequestSettings)"/>).</summary>
public sealed class ModelRegistryPromotionRequestSettings : ModelRegistryGitHubSettings
{
    /// <summary>
    /// Gets or sets the promotion workflow's file name under .github/workflows. CLI flag: <c>--workflow</c>.
    /// Default: <c>model-registry-promote.yml</c>.
    /// </summary>
    public string? Workflow { get; set; }

    /// <summary>Gets or sets the branch or tag whose workflow runs. CLI flag: <c>--ref</c>. Default: the current branch in GitHub Actions, else main.</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets why, recorded with the request and the promotion. CLI flag: <c>--reason</c>.</summary>
    public string? Reason { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        base.AddOptions(line, environment);
        line.Option("--workflow", Workflow).Option("--ref", Ref).Option("--reason", Reason);
    }
}
