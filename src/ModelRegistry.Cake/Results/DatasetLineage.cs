namespace ModelRegistry.Cake;

/// <summary>Every version trained on one dataset (<c>model-registry lineage --dataset</c>), and which held Production.</summary>
public sealed class DatasetLineage
{
    /// <summary>Gets the path, URI or digest as asked.</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Gets the digest the data was matched by, when known.</summary>
    public string? Digest { get; init; }

    /// <summary>Gets the point in history the stages were read at; null for now.</summary>
    public string? AsOf { get; init; }

    /// <summary>Gets the versions trained on the dataset.</summary>
    public IReadOnlyList<DatasetVersion> Versions { get; init; } = [];

    /// <summary>Gets the versions trained on the dataset that are in Production.</summary>
    public IEnumerable<DatasetVersion> InProduction => Versions.Where(v => string.Equals(v.Stage, "Production", StringComparison.OrdinalIgnoreCase));
}
