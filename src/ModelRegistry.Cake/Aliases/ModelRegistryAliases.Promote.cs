using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Moves a model version to a stage in one commit (<c>model-registry promote &lt;reference&gt; --to &lt;stage&gt;</c>).
    /// Promoting to Production archives the previous Production version.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version: <c>FraudDetection@7</c>, <c>FraudDetection@Staging</c>, <c>FraudDetection@champion</c>.</param>
    /// <param name="stage">The target stage: Staging, Production, Archived, None.</param>
    /// <returns>The version in its new stage and the version it displaced.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryPromote("FraudDetection@3", "Staging");
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static StageChangeDocument ModelRegistryPromote(this ICakeContext context, string reference, string stage) =>
        context.ModelRegistryPromote(reference, stage, new ModelRegistryPromoteSettings());

    /// <summary>
    /// Moves a model version to a stage in one commit, behind the stage's policy
    /// (<c>model-registry promote &lt;reference&gt; --to &lt;stage&gt;</c>). Fails the task with the policy's coded
    /// message (<c>MRB1301</c> approval required, <c>MRB1203</c> a threshold not met) when the gate refuses.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version: <c>FraudDetection@7</c>, <c>FraudDetection@Staging</c>, ...</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="settings">The reason, the approval and the gate's evidence.</param>
    /// <returns>The version in its new stage and the version it displaced.</returns>
    /// <example>
    /// <code>
    /// var promotion = ModelRegistryPromote("FraudDetection@Staging", "Production", new ModelRegistryPromoteSettings
    /// {
    ///     ApprovedBy = "alice",
    ///     Reason = "beats version 2 on auc",
    /// });
    /// Information("{0} is in Production; version {1} was archived", promotion.Version, promotion.Displaced);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static StageChangeDocument ModelRegistryPromote(this ICakeContext context, string reference, string stage, ModelRegistryPromoteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = new[] { reference, "--to", stage };
        return Run<StageChangeDocument>(context, "promote", arguments, settings);
    }

    /// <summary>
    /// Moves a model version to a stage in one commit (<c>model-registry promote</c>), with settings built by a delegate.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to promote.</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The version in its new stage and the version it displaced.</returns>
    /// <example>
    /// <code>
    /// // Inside the job a GitHub environment's reviewers approved (see .github/workflows/model-registry-promote.yml):
    /// ModelRegistryPromote("FraudDetection@3", "Production", s => s
    ///     .WithGitHubRun(long.Parse(EnvironmentVariable("GITHUB_RUN_ID")))
    ///     .WithReason("beats version 2 on auc"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static StageChangeDocument ModelRegistryPromote(this ICakeContext context, string reference, string stage, Func<ModelRegistryPromoteSettings, ModelRegistryPromoteSettings> configure) =>
        context.ModelRegistryPromote(reference, stage, Configure(configure));
}
