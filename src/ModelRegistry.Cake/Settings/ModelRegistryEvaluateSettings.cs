using Cake.Core;
using Cake.Core.IO;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry evaluate</c> (<see cref="ModelRegistryAliases.ModelRegistryEvaluate(ICakeContext, FilePath, ModelRegistryEvaluateSettings)"/>).</summary>
public sealed class ModelRegistryEvaluateSettings : ModelRegistrySettings
{
    /// <summary>
    /// Gets or sets the threshold rules, such as <c>auc&gt;=0.90</c>, <c>latency_p95_ms&lt;=50</c> or
    /// <c>auc&gt;=Production-0.005</c>. CLI flag: <c>--threshold</c> (repeated).
    /// </summary>
    public ICollection<string> Thresholds { get; set; } = new List<string>();

    /// <summary>
    /// Gets or sets the model whose stage versions relative rules (<c>auc&gt;=Production-0.005</c>) compare with.
    /// CLI flag: <c>--model</c>.
    /// </summary>
    public string? Model { get; set; }

    internal override void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
        line.Options("--threshold", Thresholds).Option("--model", Model);
    }
}
