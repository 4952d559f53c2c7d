namespace ModelRegistry.Schemas;

/// <summary>
/// What a model takes and returns (docs/schemas.md): read at registration from an ONNX file (<see cref="Onnx"/>) or an
/// ML.NET model zip (<see cref="MLNet"/>), or declared with <c>register --schema</c> (<see cref="Declared"/>). The
/// producer fields are known only for read schemas; the operator set and IR version only for ONNX.
/// </summary>
public sealed record ModelSchema
{
    public const string Onnx = "onnx";

    public const string MLNet = "mlnet";

    public const string Declared = "declared";

    public required string Format { get; init; }

    public required IReadOnlyList<SchemaColumn> Inputs { get; init; }

    public required IReadOnlyList<SchemaColumn> Outputs { get; init; }

    public string? Producer { get; init; }

    public string? ProducerVersion { get; init; }

    /// <summary>The version of the default operator set ("" or "ai.onnx").</summary>
    public long? OpsetVersion { get; init; }

    public long? IrVersion { get; init; }

    /// <summary>Equal when the columns are: the format and producer say where a schema came from, not what it is.</summary>
    public bool SameColumns(ModelSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Inputs.SequenceEqual(other.Inputs) && Outputs.SequenceEqual(other.Outputs);
    }
}
