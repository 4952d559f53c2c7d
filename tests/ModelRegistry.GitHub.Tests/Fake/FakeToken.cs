namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>
/// A token the fake accepts: whose it is and what it may do. <see cref="Installation"/> tokens are GITHUB_TOKEN and
/// app tokens, which GitHub never lets approve a pending deployment. Null permissions: everything.
/// </summary>
public sealed record FakeToken(string Login, IReadOnlySet<string>? Permissions = null, bool Installation = false)
{
    public bool May(string permission) => Permissions is null || Permissions.Contains(permission)
        || (permission.EndsWith(":read", StringComparison.Ordinal) && Permissions.Contains(permission[..^5] + ":write"));
}
