namespace ModelRegistry.Retention;

/// <summary>A version retention keeps, with every rule that keeps it.</summary>
public sealed record KeptVersion(int Version, IReadOnlyList<string> Rules);

/// <summary>A version retention purges: its files go (those no kept version names), its record stays.</summary>
public sealed record PurgedVersion(int Version, int Files, long Bytes);

/// <summary>
/// What retention decides for one model: each version kept and why, each version to purge, and the bytes that
/// purging frees (files only purged versions name, counted once however many versions share them).
/// </summary>
public sealed record ModelRetentionPlan
{
    public required string Model { get; init; }

    /// <summary>The policy applied, as the options that set it ("keep everything" without one).</summary>
    public required string Policy { get; init; }

    public required IReadOnlyList<KeptVersion> Kept { get; init; }

    public required IReadOnlyList<PurgedVersion> Purge { get; init; }

    /// <summary>Versions purged by earlier revisions.</summary>
    public int AlreadyPurged { get; init; }

    public long BytesReclaimed { get; init; }

    /// <summary>With --apply: the revision that recorded the purge (null when nothing was purged).</summary>
    public long? PurgeRevision { get; init; }
}
