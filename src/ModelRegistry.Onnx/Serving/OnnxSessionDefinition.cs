using ModelRegistry.Runtime;
using ModelRegistry.Schemas;

namespace ModelRegistry.Onnx.Serving;

/// <summary>The model an <see cref="OnnxSessionHolder"/> serves: the reference it follows and what it checks.</summary>
public sealed record OnnxSessionDefinition(string Reference)
{
    /// <summary>The model's file among the version's files; null: its only file, or its only .onnx.</summary>
    public string? ModelFile { get; init; }

    /// <summary>The inputs the service feeds and the outputs it reads: each must be one of the session's, with the same
    /// type and shape. Null: only the version's recorded schema is checked.</summary>
    public ModelSchema? Expected { get; init; }

    /// <summary>Session options for each version (execution providers, threads); null: ONNX Runtime's defaults.</summary>
    public Func<Microsoft.ML.OnnxRuntime.SessionOptions>? SessionOptions { get; init; }

    /// <summary>A version shipped with the application (<see cref="BundledModel.Of"/>), served first.</summary>
    public CachedModel? Bundled { get; init; }
}
