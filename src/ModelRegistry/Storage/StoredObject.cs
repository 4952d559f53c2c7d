namespace ModelRegistry.Storage;

/// <summary>A small object read from storage. <see cref="NotModified"/> means the caller's ETag still matches
/// and <see cref="Content"/> is empty.</summary>
public sealed record StoredObject(ReadOnlyMemory<byte> Content, string ETag, bool NotModified = false)
{
    public static StoredObject Unchanged(string etag) => new(ReadOnlyMemory<byte>.Empty, etag, NotModified: true);
}
