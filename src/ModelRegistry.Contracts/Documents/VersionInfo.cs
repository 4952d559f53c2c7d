using System.Text.Json.Serialization;
using ModelRegistry.Content;
using ModelRegistry.Schemas;

namespace ModelRegistry;

/// <summary>One model version as commands report it: the version document of <c>resolve</c> (docs/schemas), and the
/// fields every other document about a version starts with.</summary>
public record VersionInfo
{
    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary>The immutable ID: <c>sha256:</c> of the version record.</summary>
    public required string Digest { get; init; }

    public required string Stage { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required IReadOnlyList<ArtifactFile> Files { get; init; }

    public string? Label { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>What the model takes and returns (docs/schemas.md); null when none was read or declared.</summary>
    public ModelSchema? Schema { get; init; }

    public DateTimeOffset Created { get; init; }

    public string? CreatedBy { get; init; }

    /// <summary>The revision that registered the version (not looked up when a stage or alias was resolved).</summary>
    public long? Revision { get; init; }

    /// <summary>The model's revision this answer was read at.</summary>
    public long ModelRevision { get; init; }

    public string RecipeDigest { get; init; } = "";

    /// <summary>The revision whose retention purge removed this version's files; null while they are stored. The
    /// record, metrics and lineage stay, so show, diff, lineage and provenance still answer.</summary>
    public long? PurgedBy { get; init; }

    /// <summary>The reference that names exactly this version: <c>FraudDetection@3</c>.</summary>
    [JsonIgnore]
    public string Reference => $"{Model}@{Version}";

    /// <inheritdoc />
    public sealed override string ToString() => $"{Reference} ({Stage}, {Digest})";
}
