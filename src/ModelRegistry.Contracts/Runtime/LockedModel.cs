using ModelRegistry.Content;
using ModelRegistry.Schemas;

namespace ModelRegistry.Runtime;

/// <summary>
/// One entry of models.lock.json: what a reference asked for (<see cref="Requested"/>, as written in a
/// ModelReference's Version metadata) and the exact version it was pinned to.
/// </summary>
public sealed record LockedModel(string Model, string Requested, int Version, string Digest, IReadOnlyList<ArtifactFile> Files)
{
    /// <summary>What a restore under a trust policy verified for this version; null when no policy applied.</summary>
    public LockedTrust? Trust { get; init; }

    /// <summary>The version's schema (its columns and their source format); null when it records none, or when the
    /// lock was written before locks recorded schemas.</summary>
    public ModelSchema? Schema { get; init; }

    /// <summary>The <see cref="SchemaPinFingerprint"/> of the schema pin the version was checked against; null without a pin.</summary>
    public string? SchemaPin { get; init; }

    /// <summary>Whether this entry answers a reference, ignoring case like the registry does for names and stages.</summary>
    public bool Answers(ReferenceRequest request) =>
        string.Equals(Model, request.Model, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Requested, request.Requested, StringComparison.OrdinalIgnoreCase);
}
