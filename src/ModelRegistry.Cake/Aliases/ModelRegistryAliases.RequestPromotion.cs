using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Asks for a promotion that a GitHub environment's reviewers approve (<c>model-registry promote request</c>).
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to promote.</param>
    /// <param name="stage">The stage asked for.</param>
    /// <param name="settings">Optional; the workflow, the ref, the reason and the GitHub connection.</param>
    /// <returns>The version and the dispatched run.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryRequestPromotion("FraudDetection@12", "Production", new ModelRegistryPromotionRequestSettings
    /// {
    ///     Reason = "beats version 11 on auc",
    ///     GitHubToken = EnvironmentVariable("MODEL_PROMOTION_TOKEN"),
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static PromotionRequestDocument ModelRegistryRequestPromotion(this ICakeContext context, string reference, string stage, ModelRegistryPromotionRequestSettings? settings = null) =>
        Run<PromotionRequestDocument>(context, "promote request", [reference, "--to", stage], settings ?? new());
}
