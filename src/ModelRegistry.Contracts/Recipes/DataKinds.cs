namespace ModelRegistry.Recipes;

/// <summary>The kinds of <see cref="DataInput"/>: how the input was identified.</summary>
public static class DataKinds
{
    /// <summary>A local file, by sha256 of its content.</summary>
    public const string File = "file";

    /// <summary>A local folder, by sha256 of its sorted tree (docs/lineage.md gives the format).</summary>
    public const string Folder = "folder";

    /// <summary>An Azure blob, by ETag, version id and Content-MD5 from its properties.</summary>
    public const string AzureBlob = "azure-blob";

    /// <summary>Any other URI, recorded as given with credentials removed.</summary>
    public const string Uri = "uri";
}
