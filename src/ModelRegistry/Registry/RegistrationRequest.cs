using ModelRegistry.Metrics;
using ModelRegistry.Recipes;

namespace ModelRegistry;

/// <summary>Everything a registration needs: the files, their recipe, the metrics and the gates they must pass.</summary>
public sealed record RegistrationRequest
{
    public required string Model { get; init; }

    /// <summary>Files and folders. One folder registers its contents; several paths register each file by name and each folder under its name.</summary>
    public required IReadOnlyList<string> Artifacts { get; init; }

    public Recipe Recipe { get; init; } = new();

    public MetricsDocument? Metrics { get; init; }

    public IReadOnlyList<ThresholdRule> Thresholds { get; init; } = [];

    public string? Label { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    /// <summary>A schema declared for a model whose files carry none (<c>register --schema</c>); an ONNX file's own
    /// schema must equal it.</summary>
    public Schemas.ModelSchema? Schema { get; init; }

    /// <summary>Readers of model formats beyond ONNX, whose reader is built in (the CLI adds ML.NET's): the one model
    /// file among the artifacts gives the version its schema (docs/schemas.md).</summary>
    public IReadOnlyList<Schemas.IModelSchemaReader> SchemaReaders { get; init; } = [];

    public string? Actor { get; init; }

    public IProgress<TransferProgress>? Progress { get; init; }

    /// <summary>When given, the version that stands (new or the same recipe's) gets this key's registration signature.</summary>
    public Signing.SigningKey? SignWith { get; init; }
}

/// <summary>Bytes moved so far for one file of a transfer.</summary>
public sealed record TransferProgress(string File, long Done, long Total);
