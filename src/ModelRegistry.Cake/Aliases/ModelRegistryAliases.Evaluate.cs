using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Checks a metrics file against threshold rules without registering anything (<c>model-registry evaluate</c>).
    /// Fails the task with <c>MRB1203</c> for every rule that is not met.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="metricsFile">The JSON metrics file (<c>{"auc": 0.93}</c>; nested objects are addressed with dots).</param>
    /// <param name="thresholds">Rules such as <c>auc&gt;=0.90</c> or <c>latency_p95_ms&lt;=50</c>.</param>
    /// <returns>The verdict of every rule.</returns>
    /// <example>
    /// <code>
    /// Task("Evaluate").Does(() =>
    /// {
    ///     var verdict = ModelRegistryEvaluate("out/metrics.json", "auc>=0.90", "latency_p95_ms&lt;=50");
    ///     Information("auc passed with a margin of {0}", verdict.Rules[0].Margin);
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Evaluate")]
    public static Verdict ModelRegistryEvaluate(this ICakeContext context, FilePath metricsFile, params string[] thresholds) =>
        context.ModelRegistryEvaluate(metricsFile, new ModelRegistryEvaluateSettings { Thresholds = [.. thresholds ?? []] });

    /// <summary>
    /// Checks a metrics file against threshold rules without registering anything (<c>model-registry evaluate</c>).
    /// Fails the task with <c>MRB1203</c> for every rule that is not met, unless
    /// <c>HandleExitCode</c> accepts exit code 3 (then the failed verdict is returned).
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="metricsFile">The JSON metrics file.</param>
    /// <param name="settings">The rules and where the registry is (for rules relative to a stage).</param>
    /// <returns>The verdict of every rule.</returns>
    /// <example>
    /// <code>
    /// var verdict = ModelRegistryEvaluate("out/metrics.json", new ModelRegistryEvaluateSettings
    /// {
    ///     Model = "FraudDetection",
    ///     Thresholds = { "auc>=Production-0.005" },
    ///     HandleExitCode = code => code == 3,
    /// });
    /// if (!verdict.Passed) Warning("Not better than Production: {0}", string.Join(", ", verdict.Failures));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Evaluate")]
    public static Verdict ModelRegistryEvaluate(this ICakeContext context, FilePath metricsFile, ModelRegistryEvaluateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metricsFile);
        var arguments = new[] { "--metrics", CliArguments.Absolute(metricsFile, context.Environment) };
        return Run<Verdict>(context, "evaluate", arguments, settings);
    }
}
