namespace ModelRegistry.Cake;

/// <summary>The code that trained a model.</summary>
public sealed class RecipeCode
{
    /// <summary>Gets a value indicating whether training ran inside a git repository.</summary>
    public bool IsRepository { get; init; }

    /// <summary>Gets the remote URL, credentials removed.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>Gets the commit.</summary>
    public string? Commit { get; init; }

    /// <summary>Gets the branch, or null on a detached HEAD.</summary>
    public string? Branch { get; init; }

    /// <summary>Gets a value indicating whether there were uncommitted changes.</summary>
    public bool Dirty { get; init; }

    /// <summary>Gets the digest of the uncommitted changes.</summary>
    public string? DirtyDigest { get; init; }

    /// <summary>Gets the project's path inside the repository.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Gets a value indicating whether the clone was shallow.</summary>
    public bool Shallow { get; init; }
}
