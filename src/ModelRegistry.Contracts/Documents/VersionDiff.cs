using ModelRegistry.Schemas;

namespace ModelRegistry;

/// <summary>The document of <c>diff</c>: what differs between two versions, their recipes field by field, their
/// metrics and their files.</summary>
public sealed record VersionDiff
{
    public required VersionInfo Left { get; init; }

    public required VersionInfo Right { get; init; }

    /// <summary>True when both have the same recipe identity (docs/lineage.md lists the fields that count).</summary>
    public bool SameIdentity => Left.RecipeDigest == Right.RecipeDigest;

    public required IReadOnlyList<FieldChange> Recipe { get; init; }

    public required IReadOnlyList<MetricChange> Metrics { get; init; }

    public required IReadOnlyList<FieldChange> Files { get; init; }

    /// <summary>How the right schema differs from the left (docs/schemas.md); empty when they agree or neither has one.</summary>
    public IReadOnlyList<SchemaDifference> Schema { get; init; } = [];
}
