namespace ModelRegistry.Lineage.Queries;

/// <summary>What differs between two versions: their recipes field by field, their metrics and their files.</summary>
public sealed record VersionDiff
{
    public required VersionInfo Left { get; init; }

    public required VersionInfo Right { get; init; }

    /// <summary>True when both have the same recipe identity (docs/lineage.md lists the fields that count).</summary>
    public bool SameIdentity => Left.RecipeDigest == Right.RecipeDigest;

    public required IReadOnlyList<FieldChange> Recipe { get; init; }

    public required IReadOnlyList<MetricChange> Metrics { get; init; }

    public required IReadOnlyList<FieldChange> Files { get; init; }
}

/// <summary>One field that differs; a side is null when the field exists only on the other side.</summary>
/// <param name="Identity">True when the field takes part in the recipe identity.</param>
public sealed record FieldChange(string Field, string? Left, string? Right, bool Identity);

/// <summary>One metric on either side; <see cref="Delta"/> is right minus left when both have it.</summary>
public sealed record MetricChange(string Metric, double? Left, double? Right, double? Delta);
