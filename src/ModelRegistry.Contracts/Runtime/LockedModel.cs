using ModelRegistry.Content;

namespace ModelRegistry.Runtime;

/// <summary>
/// One entry of models.lock.json: what a reference asked for (<see cref="Requested"/>, as written in a
/// ModelReference's Version metadata) and the exact version it was pinned to.
/// </summary>
public sealed record LockedModel(string Model, string Requested, int Version, string Digest, IReadOnlyList<ArtifactFile> Files)
{
    /// <summary>What a restore under a trust policy verified for this version; null when no policy applied.</summary>
    public LockedTrust? Trust { get; init; }

    /// <summary>Whether this entry answers a reference, ignoring case like the registry does for names and stages.</summary>
    public bool Answers(ReferenceRequest request) =>
        string.Equals(Model, request.Model, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Requested, request.Requested, StringComparison.OrdinalIgnoreCase);
}
