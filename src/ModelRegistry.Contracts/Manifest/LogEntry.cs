using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ModelRegistry.Manifest;

/// <summary>What a revision does; spelled in camelCase wherever it is written (log entries, history documents).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Operation>))]
public enum Operation
{
    /// <summary>A new version: <see cref="LogEntry.Version"/> names the record.</summary>
    [JsonStringEnumMemberName("register")]
    Register,

    /// <summary>A version moved to <see cref="LogEntry.Stage"/>.</summary>
    [JsonStringEnumMemberName("stage")]
    Stage,

    [JsonStringEnumMemberName("aliasSet")]
    AliasSet,

    [JsonStringEnumMemberName("aliasRemove")]
    AliasRemove,

    /// <summary>A gated promotion was asked for and waits for approval (history only).</summary>
    [JsonStringEnumMemberName("promotionRequested")]
    PromotionRequested,

    /// <summary>A reviewer or gate refused a promotion (history only).</summary>
    [JsonStringEnumMemberName("promotionRejected")]
    PromotionRejected,

    /// <summary>Retention removed the files of <see cref="LogEntry.Versions"/>; their records stay.</summary>
    [JsonStringEnumMemberName("purge")]
    Purge,

    /// <summary>A purged version's files were uploaded again (by registering its recipe again): it is pullable again.</summary>
    [JsonStringEnumMemberName("restore")]
    Restore,
}

/// <summary>
/// One immutable revision of a model: <c>models/&lt;model&gt;/log/&lt;revision, 20 digits&gt;.json</c>. It exists only
/// because one writer created it; its <see cref="WriteId"/> lets that writer recognise its own commit after a timeout.
/// </summary>
public sealed record LogEntry
{
    public int Format { get; init; } = 1;

    public required long Revision { get; init; }

    public required string WriteId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Actor { get; init; }

    public required Operation Operation { get; init; }

    /// <summary>The model's name as first registered (case preserved).</summary>
    public required string Model { get; init; }

    public int? Version { get; init; }

    /// <summary>The version's immutable ID, the digest of its record (on every revision that names a version).</summary>
    public string? Record { get; init; }

    /// <summary>Register: the recipe identity.</summary>
    public string? Recipe { get; init; }

    public string? Label { get; init; }

    public string? Stage { get; init; }

    /// <summary>Stage: the stage the version left.</summary>
    public string? FromStage { get; init; }

    /// <summary>Stage: the version that held the stage before and where it went (Production → Archived).</summary>
    public int? Displaced { get; init; }

    public string? DisplacedTo { get; init; }

    /// <summary>Stage, by a rollback: the version it rolled back (the holder it replaced). A plain rollback of a stage
    /// whose holder came back this way does nothing: run again, it would re-deploy the version rolled back.</summary>
    public int? RolledBack { get; init; }

    public string? Alias { get; init; }

    public string? Reason { get; init; }

    /// <summary>Purge: the versions whose files were removed.</summary>
    public IReadOnlyList<int>? Versions { get; init; }

    /// <summary>Purge: the revision of the retention policy that removed them.</summary>
    public long? PolicyRevision { get; init; }

    /// <summary>Approvals, pull requests, runs and metric verdicts that allowed the change.</summary>
    public JsonObject? Evidence { get; init; }
}
