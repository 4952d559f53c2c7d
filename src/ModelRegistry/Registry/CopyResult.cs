namespace ModelRegistry;

/// <summary>
/// What a copy between registries did: the version it read, the version it is in the destination, whether the copy
/// created it (false when the destination already held the same recipe), and the bytes that crossed.
/// </summary>
public sealed record CopyResult(VersionInfo Source, VersionInfo Destination, bool Created, long BytesCopied)
{
    /// <summary>The registration signatures the destination holds for the copy after it, each checked there.</summary>
    public IReadOnlyList<SignatureEntry> Signatures { get; init; } = [];

    /// <summary>Why the source's signatures were not carried, when they were not.</summary>
    public string? SignatureNote { get; init; }
}
