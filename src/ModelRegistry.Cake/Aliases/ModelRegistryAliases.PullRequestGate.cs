using System.Globalization;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Compares a candidate with the Production version in one sticky pull-request comment and sets the
    /// <c>model-registry/gate</c> commit status (<c>model-registry gate pull-request</c>). Fails the task with
    /// <c>MRB1717</c> when the candidate does not pass.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="pullRequest">The pull request's number.</param>
    /// <param name="candidate">The candidate version: <c>FraudDetection@8</c>, <c>FraudDetection@pr-42</c>, ...</param>
    /// <returns>The comparison and where it was reported.</returns>
    /// <example>
    /// <code>
    /// var gate = ModelRegistryPullRequestGate(42, "FraudDetection@pr-42");
    /// Information("Gate {0}: {1}", gate.Passed ? "passed" : "failed", gate.CommentUrl);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("PullRequestGate")]
    public static GateDocument ModelRegistryPullRequestGate(this ICakeContext context, int pullRequest, string candidate) =>
        context.ModelRegistryPullRequestGate(pullRequest, candidate, new ModelRegistryPullRequestGateSettings());

    /// <summary>
    /// Compares a candidate with a stage's version in one sticky pull-request comment and sets the
    /// <c>model-registry/gate</c> commit status (<c>model-registry gate pull-request</c>). With
    /// <c>HandleExitCode = code => code == 3</c> a failed gate is returned instead of failing the task.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="pullRequest">The pull request's number.</param>
    /// <param name="candidate">The candidate version.</param>
    /// <param name="settings">The stage, the thresholds and the GitHub connection.</param>
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
    public static GateDocument ModelRegistryPullRequestGate(this ICakeContext context, int pullRequest, string candidate, ModelRegistryPullRequestGateSettings settings)
    {
        var arguments = new[] { "--pr", pullRequest.ToString(CultureInfo.InvariantCulture), "--candidate", candidate };
        return Run<GateDocument>(context, "gate pull-request", arguments, settings);
    }

    /// <summary>
    /// Compares a candidate with a stage's version on a pull request (<c>model-registry gate pull-request</c>),
    /// with settings built by a delegate.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="pullRequest">The pull request's number.</param>
    /// <param name="candidate">The candidate version.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The comparison and where it was reported.</returns>
    /// <example>
    /// <code>
    /// var number = int.Parse(EnvironmentVariable("PR_NUMBER"));
    /// ModelRegistryPullRequestGate(number, $"FraudDetection@pr-{number}", s => s.WithThreshold("auc>=Production-0.005"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("PullRequestGate")]
    public static GateDocument ModelRegistryPullRequestGate(this ICakeContext context, int pullRequest, string candidate, Func<ModelRegistryPullRequestGateSettings, ModelRegistryPullRequestGateSettings> configure) =>
        context.ModelRegistryPullRequestGate(pullRequest, candidate, Configure(configure));
}
