using ModelRegistry.Policies;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>What a promotion through a pull request did, and the evidence it recorded.</summary>
public sealed record PullRequestPromotion(PromotionResult Promotion, PromotionEvidence Evidence);
