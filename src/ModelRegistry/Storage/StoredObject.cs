namespace ModelRegistry.Storage;

/// <summary>A small object read from storage. <see cref="NotModified"/> means the caller's ETag still matches
/// and <see cref="Content"/> is empty.</summary>
public sealed record StoredObject(ReadOnlyMemory<byte> Content, string ETag, bool NotModified = false)
{
    /// <summary>The largest small object (record, log entry, snapshot) a backend reads whole into memory: the registry
    /// writes none near this size, so a larger one is damage or an attack, refused (MRB1032) before it is read.</summary>
    public const long MaxBytes = 64L << 20;

    public static StoredObject Unchanged(string etag) => new(ReadOnlyMemory<byte>.Empty, etag, NotModified: true);
}
