using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry promote</c> (<see cref="ModelRegistryAliases.ModelRegistryPromote(ICakeContext, string, string, ModelRegistryPromoteSettings)"/>).</summary>
public sealed class ModelRegistryPromoteSettings : ModelRegistrySettings
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

    /// <summary>Sets the reason (<c>--reason</c>).</summary>
    /// <param name="reason">Why the version moves.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPromoteSettings WithReason(string reason)
    {
        Reason = reason;
        return this;
    }

    /// <summary>Records a local approval (<c>--approved-by</c>).</summary>
    /// <param name="approver">Who approves.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPromoteSettings WithApprovedBy(string approver)
    {
        ApprovedBy = approver;
        return this;
    }

    /// <summary>Sets the metrics file of the threshold gate (<c>--metrics</c>).</summary>
    /// <param name="metrics">The JSON metrics file.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPromoteSettings WithMetrics(FilePath metrics)
    {
        Metrics = metrics;
        return this;
    }

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    /// <param name="rule">The rule, such as <c>auc&gt;=Production</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPromoteSettings WithThreshold(string rule)
    {
        Thresholds.Add(rule);
        return this;
    }

    /// <summary>Adds threshold rules (<c>--threshold</c>, once per rule).</summary>
    /// <param name="rules">The rules, such as <c>auc&gt;=0.90</c> and <c>latency_p95_ms&lt;=50</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryPromoteSettings WithThresholds(IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            Thresholds.Add(rule);
        }

        return this;
    }

    internal override void AppendArguments(ProcessArgumentBuilder builder, ICakeEnvironment environment)
    {
        base.AppendArguments(builder, environment);
        builder
            .AppendOption("--reason", Reason)
            .AppendOption("--approved-by", ApprovedBy)
            .AppendOption("--metrics", Metrics, environment)
            .AppendOptions("--threshold", Thresholds);
    }
}
