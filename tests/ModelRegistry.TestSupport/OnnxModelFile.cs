using Google.Protobuf;

namespace ModelRegistry.TestSupport;

/// <summary>
/// Writes a small ONNX model with the protobuf field numbers of onnx/onnx.proto3, byte for byte as an exporter would,
/// so the schema reader is tested against real files. The default is the test model of docs/schemas.md: inputs
/// features float [-1, 4] and mask bool [-1] (batch as a named dimension), an initializer "weights" also listed as a
/// graph input, output score float [-1, 1]; opset 17, IR 8, producer "test".
/// </summary>
public sealed record OnnxModelFile
{
    /// <summary>TensorProto.DataType numbers.</summary>
    public const int FloatType = 1;

    public const int Int64Type = 7;

    public const int BoolType = 9;

    public IReadOnlyList<(string Name, int Type, long[] Shape)> Inputs { get; init; } = [("features", FloatType, [-1, 4]), ("mask", BoolType, [-1])];

    public IReadOnlyList<(string Name, int Type, long[] Shape)> Outputs { get; init; } = [("score", FloatType, [-1, 1])];

    /// <summary>An initializer without data, listed as a graph input (as older exporters did); null: none. ONNX
    /// Runtime refuses one without data: set it to null for a model that runs.</summary>
    public string? Initializer { get; init; } = "weights";

    /// <summary>The graph's one node. The default names no inputs or outputs (enough for the schema reader); give
    /// them, with <see cref="Initializer"/> null, for a model ONNX Runtime runs: ("Add", ["x", "x"], ["y"]) doubles x.</summary>
    public (string OpType, string[] Inputs, string[] Outputs) Node { get; init; } = ("Gemm", [], []);

    /// <summary>A model ONNX Runtime runs: output <paramref name="output"/> = <paramref name="opType"/>(input, input)
    /// (Add doubles, Mul squares), both float [-1, <paramref name="width"/>].</summary>
    public static OnnxModelFile Runnable(string opType = "Add", string input = "x", string output = "y", int width = 4) => new()
    {
        Inputs = [(input, FloatType, [-1, width])],
        Outputs = [(output, FloatType, [-1, width])],
        Initializer = null,
        Node = (opType, [input, input], [output]),
    };

    /// <summary>Bytes of weights in the initializer's raw_data (random), to make a model of realistic size.</summary>
    public int WeightBytes { get; init; }

    public byte[] ToBytes()
    {
        var graph = Message(g =>
        {
            g.WriteTag(1, WireFormat.WireType.LengthDelimited);
            g.WriteBytes(Message(node =>
            {
                // NodeProto input (1), output (2), op_type (4).
                foreach (var name in Node.Inputs)
                {
                    Text(node, 1, name);
                }

                foreach (var name in Node.Outputs)
                {
                    Text(node, 2, name);
                }

                Text(node, 4, Node.OpType);
            }));
            Text(g, 2, "main");

            // The initializer: a TensorProto with dims (1), data_type (2), name (8) and, with WeightBytes, raw_data (9).
            if (Initializer is not null)
            {
                g.WriteTag(5, WireFormat.WireType.LengthDelimited);
                g.WriteBytes(Message(t =>
                {
                    t.WriteTag(1, WireFormat.WireType.Varint);
                    t.WriteInt64(WeightBytes > 0 ? WeightBytes / sizeof(float) : 4);
                    t.WriteTag(2, WireFormat.WireType.Varint);
                    t.WriteInt32(FloatType);
                    Text(t, 8, Initializer);
                    if (WeightBytes > 0)
                    {
                        var weights = new byte[WeightBytes];
                        Random.Shared.NextBytes(weights);
                        t.WriteTag(9, WireFormat.WireType.LengthDelimited);
                        t.WriteBytes(UnsafeByteOperations.UnsafeWrap(weights));
                    }
                }));
            }

            foreach (var input in Inputs)
            {
                g.WriteTag(11, WireFormat.WireType.LengthDelimited);
                g.WriteBytes(ValueInfo(input));
            }

            if (Initializer is not null)
            {
                g.WriteTag(11, WireFormat.WireType.LengthDelimited);
                g.WriteBytes(ValueInfo((Initializer, FloatType, [4])));
            }

            foreach (var output in Outputs)
            {
                g.WriteTag(12, WireFormat.WireType.LengthDelimited);
                g.WriteBytes(ValueInfo(output));
            }
        });
        return Message(m =>
        {
            m.WriteTag(1, WireFormat.WireType.Varint);
            m.WriteInt64(8);
            Text(m, 2, "test");
            Text(m, 3, "1.0");
            m.WriteTag(7, WireFormat.WireType.LengthDelimited);
            m.WriteBytes(graph);
            m.WriteTag(8, WireFormat.WireType.LengthDelimited);
            m.WriteBytes(Message(o =>
            {
                Text(o, 1, "ai.onnx.ml");
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(3);
            }));
            m.WriteTag(8, WireFormat.WireType.LengthDelimited);
            m.WriteBytes(Message(o =>
            {
                Text(o, 1, "");
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(17);
            }));
        }).ToByteArray();
    }

    public string WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    // ValueInfoProto name (1), type (2: TypeProto tensor_type (1: elem_type (1), shape (2: dim (1: dim_value (1) | dim_param (2))))).
    private static ByteString ValueInfo((string Name, int Type, long[] Shape) column) => Message(v =>
    {
        Text(v, 1, column.Name);
        v.WriteTag(2, WireFormat.WireType.LengthDelimited);
        v.WriteBytes(Message(type =>
        {
            type.WriteTag(1, WireFormat.WireType.LengthDelimited);
            type.WriteBytes(Message(tensor =>
            {
                tensor.WriteTag(1, WireFormat.WireType.Varint);
                tensor.WriteInt32(column.Type);
                tensor.WriteTag(2, WireFormat.WireType.LengthDelimited);
                tensor.WriteBytes(Message(shape =>
                {
                    foreach (var size in column.Shape)
                    {
                        shape.WriteTag(1, WireFormat.WireType.LengthDelimited);
                        shape.WriteBytes(Message(dim =>
                        {
                            if (size < 0)
                            {
                                Text(dim, 2, "batch");
                            }
                            else
                            {
                                dim.WriteTag(1, WireFormat.WireType.Varint);
                                dim.WriteInt64(size);
                            }
                        }));
                    }
                }));
            }));
        }));
    });

    private static void Text(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return ByteString.CopyFrom(buffer.ToArray());
    }
}
