using ModelRegistry.Faces;
using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry evaluate</c> (<see cref="ModelRegistryAliases.ModelRegistryEvaluate(ICakeContext, FilePath, ModelRegistryEvaluateSettings)"/>).</summary>
public sealed class ModelRegistryEvaluateSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets the threshold rules, such as <c>auc&gt;=0.90</c>, <c>latency_p95_ms&lt;=50</c> or
    /// <c>auc&gt;=Production-0.005</c>. CLI flag: <c>--threshold</c> (repeated).
    /// </summary>
    public ICollection<string> Thresholds { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the model whose stage versions relative rules (<c>auc&gt;=Production-0.005</c>) compare with.
    /// CLI flag: <c>--model</c>.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Adds a threshold rule (<c>--threshold</c>).</summary>
    /// <param name="rule">The rule, such as <c>auc&gt;=0.90</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryEvaluateSettings WithThreshold(string rule)
    {
        Thresholds.Add(rule);
        return this;
    }

    /// <summary>Sets the model relative rules compare with (<c>--model</c>).</summary>
    /// <param name="model">The model name.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryEvaluateSettings WithModel(string model)
    {
        Model = model;
        return this;
    }

    /// <summary>Adds threshold rules (<c>--threshold</c>, once per rule).</summary>
    /// <param name="rules">The rules, such as <c>auc&gt;=0.90</c> and <c>latency_p95_ms&lt;=50</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public ModelRegistryEvaluateSettings WithThresholds(IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            Thresholds.Add(rule);
        }

        return this;
    }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Options("--threshold", Thresholds).Option("--model", Model);
    }
}
