namespace ModelRegistry.GitHub.Deployments;

/// <summary>A deployment GitHub made for a promotion.</summary>
internal sealed record CreatedDeployment(long Id, string Url);
