namespace ModelRegistry;

/// <summary>
/// What a copy between registries did: the version it read, the version it is in the destination, whether the copy
/// created it (false when the destination already held the same recipe), and the bytes that crossed.
/// </summary>
public sealed record CopyResult(VersionInfo Source, VersionInfo Destination, bool Created, long BytesCopied);
