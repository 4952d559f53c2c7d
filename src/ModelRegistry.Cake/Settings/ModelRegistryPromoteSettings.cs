using ModelRegistry.Faces;
using System.Globalization;
using Cake.Core;
using Cake.Core.IO;

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

    /// <summary>Gets threshold rules the promotion must pass. CLI flag: <c>--threshold</c> (repeated).</summary>
    public ICollection<string> Thresholds { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the GitHub Actions run whose approved environment deployment is the evidence (inside the job the
    /// environment's reviewers held: <c>GITHUB_RUN_ID</c>). CLI flag: <c>--github-run</c>.
    /// </summary>
    public long? GitHubRun { get; set; }

    /// <summary>Gets or sets the pull request whose merge or approvals are the evidence. CLI flag: <c>--github-pr</c>.</summary>
    public int? GitHubPullRequest { get; set; }

    /// <summary>
    /// Gets the commit statuses that must be green before the GitHub deployment is created.
    /// CLI flag: <c>--github-required-context</c> (repeated).
    /// </summary>
    public ICollection<string> GitHubRequiredContexts { get; } = new List<string>();

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

    /// <summary>Allows a breaking schema, for this recorded reason (<c>--allow-breaking-schema</c>).</summary>
    /// <example><code>ModelRegistryPromote("FraudDetection@4", "Production", s => s.WithApprovedBy("alice").AllowBreakingSchema("the service sends 8 features from release 12"));</code></example>
    public ModelRegistryPromoteSettings AllowBreakingSchema(string reason) => this.With(s => s.BreakingSchemaReason = reason);

    /// <summary>Expects <paramref name="version"/> to hold the target stage now (<c>--expect-current</c>).</summary>
    /// <example><code>ModelRegistryPromote("FraudDetection@3", "Production", s => s.WithApprovedBy("alice").WithExpectCurrent(2));</code></example>
    public ModelRegistryPromoteSettings WithExpectCurrent(int version) => this.With(s => s.ExpectCurrent = version.ToString(CultureInfo.InvariantCulture));

    /// <summary>Expects the target stage to be empty now (<c>--expect-current none</c>).</summary>
    public ModelRegistryPromoteSettings WithExpectNoCurrent() => this.With(s => s.ExpectCurrent = "none");

    /// <summary>Sets the reason (<c>--reason</c>).</summary>
    public ModelRegistryPromoteSettings WithReason(string reason) => this.With(s => s.Reason = reason);

    /// <summary>Records a local approval (<c>--approved-by</c>).</summary>
    public ModelRegistryPromoteSettings WithApprovedBy(string approver) => this.With(s => s.ApprovedBy = approver);

    /// <summary>Sets the metrics file of the threshold gate (<c>--metrics</c>).</summary>
    public ModelRegistryPromoteSettings WithMetrics(FilePath metrics) => this.With(s => s.Metrics = metrics);

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    public ModelRegistryPromoteSettings WithThreshold(string rule) => this.With(s => s.Thresholds.Add(rule));

    /// <summary>Adds threshold rules (<c>--threshold</c>, once per rule).</summary>
    public ModelRegistryPromoteSettings WithThresholds(IEnumerable<string> rules) => this.With(s => s.Thresholds.AddRange(rules));

    /// <summary>Promotes through the approved environment of a GitHub Actions run (<c>--github-run</c>).</summary>
    public ModelRegistryPromoteSettings WithGitHubRun(long runId) => this.With(s => s.GitHubRun = runId);

    /// <summary>Promotes through a merged or approved pull request (<c>--github-pr</c>).</summary>
    public ModelRegistryPromoteSettings WithGitHubPullRequest(int number) => this.With(s => s.GitHubPullRequest = number);

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
