namespace ModelRegistry.Recipes;

/// <summary>One entry of a data folder's tree. A symbolic link is recorded by its target, never followed.</summary>
public sealed record DataFileEntry
{
    /// <summary>Relative to the folder, with '/' separators.</summary>
    public required string Path { get; init; }

    /// <summary>sha256 of the content; for a link, of its target path.</summary>
    public required string Digest { get; init; }

    public long Size { get; init; }

    /// <summary>The link target, when the entry is a symbolic link.</summary>
    public string? LinkTarget { get; init; }
}
