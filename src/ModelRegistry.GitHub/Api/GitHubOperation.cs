namespace ModelRegistry.GitHub.Api;

/// <summary>
/// One API call as errors describe it: what it does ("reading the approvals of run 42") and the token permission it
/// needs ("actions: read"), so a 403 or 404 can say which permission is missing.
/// </summary>
public sealed record GitHubOperation(string Description, string Permission, OperationKind Kind = OperationKind.Read);
