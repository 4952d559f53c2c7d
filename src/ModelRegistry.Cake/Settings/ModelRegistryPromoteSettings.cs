using System.Globalization;
using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry promote</c> (<see cref="ModelRegistryAliases.ModelRegistryPromote(ICakeContext, string, string, ModelRegistryPromoteSettings)"/>).</summary>
public sealed class ModelRegistryPromoteSettings : ModelRegistryGitHubSettings
{
    /// <summary>Gets or sets why the version moves, recorded in the revision. CLI flag: <c>--reason</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// Gets or sets the name of the person approving a gated promotion (a local approval, recorded as evidence).
    /// CLI flag: <c>--approved-by</c>.
    /// </summary>
    public string? ApprovedBy { get; set; }

    /// <summary>Gets or sets a metrics file for the stage's threshold gate. CLI flag: <c>--metrics</c>.</summary>
    public FilePath? Metrics { get; set; }

    /// <summary>Gets or sets threshold rules the promotion must pass. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; set; } = new List<string>();

    /// <summary>
    /// Gets or sets the GitHub Actions run whose approved environment deployment is the evidence (inside the job the
    /// environment's reviewers held: <c>GITHUB_RUN_ID</c>). CLI flag: <c>--github-run</c>.
    /// </summary>
    public long? GitHubRun { get; set; }

    /// <summary>Gets or sets the pull request whose merge or approvals are the evidence. CLI flag: <c>--github-pr</c>.</summary>
    public int? GitHubPullRequest { get; set; }

    /// <summary>
    /// Gets or sets the commit statuses that must be green before the GitHub deployment is created.
    /// CLI flag: <c>--github-required-context</c> (repeated).
    /// </summary>
    public ICollection<string> GitHubRequiredContexts { get; set; } = new List<string>();

    /// <summary>
    /// Gets or sets the version expected to hold the target stage now: a number, or <c>none</c>. The promotion is
    /// refused (MRB1310, nothing committed) when another version holds it, so an approval is never spent on a
    /// displacement nobody saw. CLI flag: <c>--expect-current</c>.
    /// </summary>
    public string? ExpectCurrent { get; set; }

    /// <summary>
    /// Gets or sets why a schema that breaks the stage holder's may move in anyway, where the stage policy sets
    /// requireCompatibleSchema; recorded in the revision. CLI flag: <c>--allow-breaking-schema</c>.
    /// </summary>
    public string? BreakingSchemaReason { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        base.AddOptions(line, environment);
        line
            .Option("--reason", Reason)
            .Option("--approved-by", ApprovedBy)
            .Option("--expect-current", ExpectCurrent)
            .Option("--allow-breaking-schema", BreakingSchemaReason)
            .Option("--metrics", Metrics, environment)
            .Options("--threshold", Thresholds)
            .Option("--github-run", GitHubRun?.ToString(CultureInfo.InvariantCulture))
            .Option("--github-pr", GitHubPullRequest?.ToString(CultureInfo.InvariantCulture))
            .Options("--github-required-context", GitHubRequiredContexts);
    }
}
