using ModelRegistry.Policies;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>What an approved deployment promotion did: the registry change, its evidence and the GitHub deployment.</summary>
public sealed record DeploymentPromotion(PromotionResult Promotion, PromotionEvidence Evidence, long DeploymentId, string DeploymentState, string EnvironmentUrl);
