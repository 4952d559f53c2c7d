using System.Globalization;
using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Compares a candidate with a stage's version in one sticky pull-request comment and sets the
    /// <c>model-registry/gate</c> commit status (<c>model-registry gate pull-request</c>). With
    /// <c>HandleExitCode = code => code == 3</c> a failed gate is returned instead of failing the task.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="pullRequest">The pull request's number.</param>
    /// <param name="candidate">The candidate version.</param>
    /// <param name="settings">Optional; the stage, the thresholds and the GitHub connection.</param>
    /// <returns>The comparison and where it was reported.</returns>
    /// <example>
    /// <code>
    /// var gate = ModelRegistryPullRequestGate(42, "FraudDetection@pr-42", new ModelRegistryPullRequestGateSettings
    /// {
    ///     Thresholds = { "auc>=Production-0.005", "latency_p95_ms&lt;=50" },
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("PullRequestGate")]
    public static GateDocument ModelRegistryPullRequestGate(this ICakeContext context, int pullRequest, string candidate, ModelRegistryPullRequestGateSettings? settings = null) =>
        Run<GateDocument>(context, "gate pull-request", ["--pr", pullRequest.ToString(CultureInfo.InvariantCulture), "--candidate", candidate], settings ?? new());
}
