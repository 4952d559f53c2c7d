namespace ModelRegistry.Cake;

/// <summary>One declared training input.</summary>
public sealed class RecipeData
{
    /// <summary>Gets the kind: file, folder, azure-blob or uri.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Gets the path or URI as declared.</summary>
    public string Source { get; init; } = "";

    /// <summary>Gets the content digest (a folder: the digest of its sorted tree).</summary>
    public string? Digest { get; init; }

    /// <summary>Gets the size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Gets the number of files of a folder.</summary>
    public int? FileCount { get; init; }

    /// <summary>Gets the ETag of a remote blob.</summary>
    public string? ETag { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Source} ({Digest ?? ETag ?? Kind})";
}
