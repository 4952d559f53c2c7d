namespace ModelRegistry.Cake;

/// <summary>One file of a model version: its path inside the version, its size and its sha256 digest.</summary>
public sealed class ModelFile
{
    /// <summary>Gets the path inside the version, '/' separated (model.zip, onnx/model.onnx).</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets the size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Gets the content digest, <c>sha256:</c> followed by 64 hex digits.</summary>
    public string Digest { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Size} bytes, {Digest})";
}
