using ModelRegistry.Manifest;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>A requested promotion: the version, the registry revision that records the request, and the run GitHub
/// started (its id is known when GitHub returns run details; older servers answer 204 without them).</summary>
public sealed record PromotionDispatch(VersionInfo Version, string Stage, LogEntry Requested, long? RunId, string? RunUrl, string WorkflowUrl);
