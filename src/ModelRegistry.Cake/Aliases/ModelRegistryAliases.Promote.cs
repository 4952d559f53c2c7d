using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Moves a model version to a stage in one commit, behind the stage's policy
    /// (<c>model-registry promote &lt;reference&gt; --to &lt;stage&gt;</c>). Fails the task with the policy's coded
    /// message (<c>MRB1301</c> approval required, <c>MRB1203</c> a threshold not met) when the gate refuses.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version: <c>FraudDetection@7</c>, <c>FraudDetection@Staging</c>, ...</param>
    /// <param name="stage">The target stage.</param>
    /// <param name="settings">Optional; the reason, the approval and the gate's evidence.</param>
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
    public static StageChangeDocument ModelRegistryPromote(this ICakeContext context, string reference, string stage, ModelRegistryPromoteSettings? settings = null) =>
        Run<StageChangeDocument>(context, "promote", [reference, "--to", stage], settings ?? new());
}
