using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Asks for a promotion that a GitHub environment's reviewers approve (<c>model-registry promote request</c>):
    /// dispatches the promotion workflow for the exact version and records the request in the model's history.
    /// Needs a token with <c>actions: write</c>.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version: <c>FraudDetection@7</c>, <c>FraudDetection@Staging</c>, ... (dispatched as its number).</param>
    /// <param name="stage">The stage asked for, usually Production.</param>
    /// <returns>The version and the dispatched run.</returns>
    /// <example>
    /// <code>
    /// var request = ModelRegistryRequestPromotion("FraudDetection@Staging", "Production");
    /// Information("Waiting for approval: {0}", request.RunUrl);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static PromotionRequestDocument ModelRegistryRequestPromotion(this ICakeContext context, string reference, string stage) =>
        context.ModelRegistryRequestPromotion(reference, stage, new ModelRegistryPromotionRequestSettings());

    /// <summary>
    /// Asks for a promotion that a GitHub environment's reviewers approve (<c>model-registry promote request</c>).
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to promote.</param>
    /// <param name="stage">The stage asked for.</param>
    /// <param name="settings">The workflow, the ref, the reason and the GitHub connection.</param>
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
    public static PromotionRequestDocument ModelRegistryRequestPromotion(this ICakeContext context, string reference, string stage, ModelRegistryPromotionRequestSettings settings)
    {
        var arguments = new[] { reference, "--to", stage };
        return Run<PromotionRequestDocument>(context, "promote request", arguments, settings);
    }

    /// <summary>
    /// Asks for a promotion that a GitHub environment's reviewers approve (<c>model-registry promote request</c>),
    /// with settings built by a delegate.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to promote.</param>
    /// <param name="stage">The stage asked for.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The version and the dispatched run.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryRequestPromotion("FraudDetection@12", "Production", s => s.WithReason("new data").WithWorkflow("promote.yml"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promote")]
    public static PromotionRequestDocument ModelRegistryRequestPromotion(this ICakeContext context, string reference, string stage, Func<ModelRegistryPromotionRequestSettings, ModelRegistryPromotionRequestSettings> configure) =>
        context.ModelRegistryRequestPromotion(reference, stage, Configure(configure));
}
