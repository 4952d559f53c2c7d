namespace ModelRegistry.Storage;

/// <summary>What storage knows about one object without reading it.</summary>
public sealed record ObjectInfo(string Path, long Size, string ETag, DateTimeOffset LastModified);
