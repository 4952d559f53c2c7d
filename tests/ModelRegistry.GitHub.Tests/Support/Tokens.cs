namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>The tokens the fake knows. Each looks like a real one, so a leak would be recognisable in any output.</summary>
public static class Tokens
{
    /// <summary>alice's personal token: she trains models and asks for promotions.</summary>
    public const string Alice = "ghp_AliceSecretToken0000000000000000001";

    /// <summary>bob's personal token: a required reviewer of the production environment.</summary>
    public const string Bob = "ghp_BobSecretToken00000000000000000000002";

    /// <summary>A workflow's GITHUB_TOKEN with the permissions the templates grant.</summary>
    public const string Actions = "ghs_ActionsSecretToken00000000000000003";

    /// <summary>A GITHUB_TOKEN with only 'actions: read'.</summary>
    public const string ReadOnly = "ghs_ReadOnlySecretToken0000000000000004";

    public static readonly string[] All = [Alice, Bob, Actions, ReadOnly];
}
