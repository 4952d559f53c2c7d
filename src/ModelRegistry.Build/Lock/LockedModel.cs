using ModelRegistry.Build.References;

namespace ModelRegistry.Build.Lock;

/// <summary>
/// One entry of models.lock.json: what a ModelReference asked for (<see cref="Requested"/>, as written in its
/// Version metadata) and the exact version it was pinned to.
/// </summary>
internal sealed record LockedModel(string Model, string Requested, int Version, string Digest, IReadOnlyList<LockedFile> Files)
{
    /// <summary>The digest without its <c>sha256:</c> prefix, lower case: the cache folder's name.</summary>
    public string DigestHex => Digest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? Digest[7..].ToLowerInvariant() : Digest.ToLowerInvariant();

    /// <summary>Whether this entry answers a reference, ignoring case like the registry does for names and stages.</summary>
    public bool Answers(ReferenceRequest request) =>
        string.Equals(Model, request.Model, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Requested, request.Requested, StringComparison.OrdinalIgnoreCase);
}
