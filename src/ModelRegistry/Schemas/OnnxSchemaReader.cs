using Google.Protobuf;

namespace ModelRegistry.Schemas;

/// <summary>
/// Reads the schema of an ONNX model from the few ModelProto fields that hold it (onnx/onnx.proto3), skipping every
/// other field, so neither the ONNX runtime nor its generated classes are needed. The engine's built-in
/// <see cref="IModelSchemaReader"/>: a file is an ONNX model when its name ends in <c>.onnx</c>.
/// </summary>
internal sealed class OnnxSchemaReader : IModelSchemaReader
{
    public static readonly OnnxSchemaReader Instance = new();

    private OnnxSchemaReader()
    {
    }

    // TensorProto.DataType numbers 0-13; the others (bfloat16, complex, float8) are named by number.
    private static readonly string[] ElementTypes = ["undefined", "float", "uint8", "int8", "uint16", "int16", "int32", "int64", "string", "bool", "float16", "double", "uint32", "uint64"];

    public bool IsModel(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    public SchemaReading ReadSchema(string path) => SchemaReading.Of(Read(path));

    public static ModelSchema Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 << 10);
            return ReadModel(new ProtoReader(stream), path);
        }
        catch (InvalidDataException e)
        {
            throw Errors.OnnxUnreadable(path, e.Message);
        }
    }

    private static ModelSchema ReadModel(ProtoReader input, string path)
    {
        var schema = new ModelSchema { Format = ModelSchema.Onnx, Inputs = [], Outputs = [] };
        Graph? graph = null;
        ForEachField(input, long.MaxValue, (field, type) =>
        {
            switch (field)
            {
                case 1 when type == WireFormat.WireType.Varint:
                    schema = schema with { IrVersion = input.ReadInt64() };
                    return true;
                case 2 when type == WireFormat.WireType.LengthDelimited:
                    schema = schema with { Producer = NullIfEmpty(input.ReadString()) };
                    return true;
                case 3 when type == WireFormat.WireType.LengthDelimited:
                    schema = schema with { ProducerVersion = NullIfEmpty(input.ReadString()) };
                    return true;
                case 7 when type == WireFormat.WireType.LengthDelimited:
                    graph = Nested(input, ReadGraph);
                    return true;
                case 8 when type == WireFormat.WireType.LengthDelimited:
                    // Only the default operator set ("" or its alias "ai.onnx"); ai.onnx.ml and custom domains have their own.
                    var (domain, version) = Nested(input, ReadOperatorSet);
                    schema = domain is "" or "ai.onnx" ? schema with { OpsetVersion = version } : schema;
                    return true;
                default:
                    return false;
            }
        });

        return graph is null
            ? throw Errors.OnnxUnreadable(path, "it has no graph")
            : schema with { Inputs = [.. graph.Inputs.Where(i => !graph.Initializers.Contains(i.Name))], Outputs = graph.Outputs };
    }

    /// <summary>Inputs as listed, which include the initializers older exporters also list as inputs (weights a
    /// caller may override, not what it must feed).</summary>
    private sealed record Graph(List<SchemaColumn> Inputs, List<SchemaColumn> Outputs, HashSet<string> Initializers);

    private static Graph ReadGraph(ProtoReader input, long end)
    {
        var graph = new Graph([], [], new HashSet<string>(StringComparer.Ordinal));
        ForEachField(input, end, (field, type) =>
        {
            switch (field)
            {
                case 5 when type == WireFormat.WireType.LengthDelimited:
                    graph.Initializers.Add(Nested(input, ReadInitializerName));
                    return true;
                case 11 when type == WireFormat.WireType.LengthDelimited:
                    graph.Inputs.Add(Nested(input, ReadValueInfo));
                    return true;
                case 12 when type == WireFormat.WireType.LengthDelimited:
                    graph.Outputs.Add(Nested(input, ReadValueInfo));
                    return true;
                default:
                    return false;
            }
        });
        return graph;
    }

    // TensorProto: the name is field 8.
    private static string ReadInitializerName(ProtoReader input, long end)
    {
        var name = "";
        ForEachField(input, end, (field, type) => field == 8 && type == WireFormat.WireType.LengthDelimited && Read(out name, input.ReadString()));
        return name;
    }

    private static (string Domain, long Version) ReadOperatorSet(ProtoReader input, long end)
    {
        var domain = "";
        long version = 0;
        ForEachField(input, end, (field, type) => field switch
        {
            1 when type == WireFormat.WireType.LengthDelimited => Read(out domain, input.ReadString()),
            2 when type == WireFormat.WireType.Varint => Read(out version, input.ReadInt64()),
            _ => false,
        });
        return (domain, version);
    }

    private static SchemaColumn ReadValueInfo(ProtoReader input, long end)
    {
        var name = "";
        (string Type, List<long>? Shape) tensor = ("unknown", null);
        ForEachField(input, end, (field, type) => field switch
        {
            1 when type == WireFormat.WireType.LengthDelimited => Read(out name, input.ReadString()),
            2 when type == WireFormat.WireType.LengthDelimited => Read(out tensor, Nested(input, ReadType)),
            _ => false,
        });
        return new SchemaColumn(name, tensor.Type, tensor.Shape);
    }

    // TypeProto: only tensor_type (1) is read; a sequence or a map keeps the type "unknown".
    private static (string Type, List<long>? Shape) ReadType(ProtoReader input, long end)
    {
        (string Type, List<long>? Shape) tensor = ("unknown", null);
        ForEachField(input, end, (field, type) => field == 1 && type == WireFormat.WireType.LengthDelimited && Read(out tensor, Nested(input, ReadTensorType)));
        return tensor;
    }

    private static (string Type, List<long>? Shape) ReadTensorType(ProtoReader input, long end)
    {
        var element = 0;
        List<long>? shape = null;
        ForEachField(input, end, (field, type) => field switch
        {
            1 when type == WireFormat.WireType.Varint => Read(out element, input.ReadInt32()),
            2 when type == WireFormat.WireType.LengthDelimited => Read(out shape, Nested(input, ReadShape)),
            _ => false,
        });

        // A rank-0 shape is a scalar, read as no shape, as is a tensor whose shape the exporter left out.
        return (element >= 0 && element < ElementTypes.Length ? ElementTypes[element] : $"type{element}", shape is { Count: > 0 } ? shape : null);
    }

    private static List<long> ReadShape(ProtoReader input, long end)
    {
        var dimensions = new List<long>();
        ForEachField(input, end, (field, type) =>
        {
            if (field != 1 || type != WireFormat.WireType.LengthDelimited)
            {
                return false;
            }

            dimensions.Add(Nested(input, ReadDimension));
            return true;
        });
        return dimensions;
    }

    // A dimension without dim_value (a dim_param name such as "batch", or nothing) is dynamic: -1.
    private static long ReadDimension(ProtoReader input, long end)
    {
        long value = -1;
        ForEachField(input, end, (field, type) => field == 1 && type == WireFormat.WireType.Varint && Read(out value, input.ReadInt64()));
        return value;
    }

    /// <summary>Reads a message's fields up to <paramref name="end"/> (a stream position; the model's own fields run to
    /// the end of the file): <paramref name="read"/> reads a field it knows and says so; every other field is skipped,
    /// passed by seeking, so a model's weights are neither read nor held in memory.</summary>
    private static void ForEachField(ProtoReader input, long end, Func<int, WireFormat.WireType, bool> read)
    {
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            if (tag == 0)
            {
                break;
            }

            if (!read(WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag)))
            {
                input.SkipLastField();
            }
        }

        if (input.Position > end)
        {
            throw new InvalidDataException("a field runs past the end of the message that holds it");
        }

        if (end != long.MaxValue && input.Position < end)
        {
            throw new InvalidDataException("the file ends inside a message: it is truncated");
        }
    }

    /// <summary>Reads one length-delimited message in place, bounded by its length: nothing is copied, and the fields
    /// not read inside it (the graph's weights) are passed by seeking.</summary>
    private static T Nested<T>(ProtoReader input, Func<ProtoReader, long, T> read)
    {
        var length = input.ReadLength();
        return length < 0 ? throw new InvalidDataException("a message has a negative length") : read(input, input.Position + length);
    }

    private static bool Read<T>(out T target, T value)
    {
        target = value;
        return true;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
