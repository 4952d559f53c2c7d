namespace ModelRegistry.Manifest;

/// <summary>
/// <c>models/&lt;model&gt;/versions/&lt;version&gt;.json</c>: a create-only cache of one register revision, so finding
/// version 7 costs one read whatever the history length. Written for every register revision before the state
/// snapshot moves past it.
/// </summary>
public sealed record VersionIndexEntry(int Version, string Record, string Recipe, long Revision, DateTimeOffset Time, string? Label);
