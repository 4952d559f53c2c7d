namespace ModelRegistry.Content;

/// <summary>One file of a model version: its path inside the version, its size and its content digest.</summary>
public sealed record ArtifactFile(string Path, long Size, string Digest)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Size} bytes, {Digest})";
}
