using ModelRegistry.Content;
using ModelRegistry.Metrics;
using ModelRegistry.Recipes;
using ModelRegistry.Schemas;

namespace ModelRegistry.Manifest;

/// <summary>
/// The immutable description of one model version, stored as <c>models/&lt;model&gt;/records/&lt;hex&gt;.json</c> and
/// named by its own sha256, which is the version's ID. Written create-only before the revision that numbers it.
/// </summary>
public sealed record VersionRecord
{
    public int Format { get; init; } = 1;

    public required string Model { get; init; }

    public required IReadOnlyList<ArtifactFile> Files { get; init; }

    public required string RecipeDigest { get; init; }

    public Recipe Recipe { get; init; } = new();

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public Verdict? Evaluation { get; init; }

    public string? Label { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    /// <summary>Null (and so absent) when none was read or declared, which keeps older records' bytes and digests.</summary>
    public ModelSchema? Schema { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string CreatedBy { get; init; }

    public long TotalSize => Files.Sum(f => f.Size);
}
