namespace ModelRegistry;

/// <summary>The document of <c>lineage --dataset</c>: every version trained on one dataset, and which of them held
/// Production at the time asked for.</summary>
public sealed record DatasetLineage
{
    /// <summary>The path, URI or digest as asked.</summary>
    public required string Dataset { get; init; }

    /// <summary>The digest the data was matched by, when it is known (a digest given, or a local path hashed now).</summary>
    public string? Digest { get; init; }

    /// <summary>The point in history the stages are read at; null for now.</summary>
    public string? AsOf { get; init; }

    public required IReadOnlyList<DatasetUse> Versions { get; init; }

    /// <summary>Those of <see cref="Versions"/> in the Production stage.</summary>
    public required IReadOnlyList<DatasetUse> InProduction { get; init; }
}
