namespace ModelRegistry.GitHub;

/// <summary>An <c>owner/name</c> repository, as GITHUB_REPOSITORY and --github-repository spell it.</summary>
public sealed record GitHubRepository(string Owner, string Name)
{
    public static GitHubRepository Parse(string? text)
    {
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || !parts.All(IsValidPart))
        {
            throw GitHubErrors.GitHubRepositoryMissing(text ?? "");
        }

        return new GitHubRepository(parts[0], parts[1]);
    }

    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>Owners and names are letters, digits, '-', '_' and '.': anything else would change the API path.</summary>
    private static bool IsValidPart(string part) =>
        part.Length is > 0 and <= 100 && part is not ("." or "..") && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
