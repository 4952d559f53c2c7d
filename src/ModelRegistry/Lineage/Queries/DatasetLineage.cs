using ModelRegistry.Manifest;

namespace ModelRegistry.Lineage.Queries;

/// <summary>Every version trained on one dataset, and which of them held Production at the time asked for.</summary>
public sealed record DatasetLineage
{
    /// <summary>The path, URI or digest as asked.</summary>
    public required string Dataset { get; init; }

    /// <summary>The digest the data was matched by, when it is known (a digest given, or a local path hashed now).</summary>
    public string? Digest { get; init; }

    /// <summary>The point in history the stages are read at; null for now.</summary>
    public string? AsOf { get; init; }

    public required IReadOnlyList<DatasetUse> Versions { get; init; }

    public IReadOnlyList<DatasetUse> InProduction =>
        [.. Versions.Where(v => v.Stage.Equals(RegistrySettings.Production, StringComparison.OrdinalIgnoreCase))];
}
