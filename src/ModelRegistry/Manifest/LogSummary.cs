using ModelRegistry.Content;

namespace ModelRegistry.Manifest;

/// <summary>
/// A cache of <see cref="RegistryPaths.LogSummarySpan"/> consecutive revisions of a model and the files their
/// registrations name: <c>models/&lt;key&gt;/summaries/&lt;first revision, 20 digits&gt;.json</c>. Log entries and records
/// are immutable, so a summary of a complete range never changes: it is written create-only by the first gc that
/// read the range, and lets the next one read one object instead of a thousand log entries and records. Evidence is
/// left out (retention does not need it). gc deletes what a summary does not name, so a summary is trusted only
/// when it reads back whole and its <see cref="Checksum"/> matches: a damaged one is read around, from the log.
/// </summary>
public sealed record LogSummary
{
    public int Format { get; init; } = 1;

    public required long First { get; init; }

    public required IReadOnlyList<LogEntry> Entries { get; init; }

    /// <summary>The files of each record a registration in the range names, by record digest.</summary>
    public required Dictionary<string, IReadOnlyList<ArtifactFile>> Files { get; init; }

    /// <summary>sha256 of the summary serialized without this field.</summary>
    public string? Checksum { get; init; }

    public LogSummary Sealed() => this with { Checksum = Sha256Digest.Of(RegistryJson.Serialize(this with { Checksum = null })) };

    /// <summary>True when the summary covers exactly its range, in order, with the files of every registration.</summary>
    public bool IsWhole(long first) =>
        Checksum is not null && Checksum == Sealed().Checksum
        && First == first && Entries.Count == RegistryPaths.LogSummarySpan
        && Entries.Select((e, i) => e.Revision == first + i).All(ok => ok)
        && Entries.Where(e => e.Operation == Operation.Register).All(e => e.Record is not null && Files.ContainsKey(e.Record));
}
