using Microsoft.ML.OnnxRuntime;
using ModelRegistry.Schemas;

namespace ModelRegistry.Onnx.Serving;

/// <summary>An inference session's inputs and outputs in the registry's column terms, as the ONNX schema reader
/// records them at registration: ONNX's element type names, -1 for a dynamic dimension.</summary>
public static class OnnxColumns
{
    // TensorElementType has TensorProto.DataType's numbers 0-13.
    private static readonly string[] ElementTypes = ["undefined", "float", "uint8", "int8", "uint16", "int16", "int32", "int64", "string", "bool", "float16", "double", "uint32", "uint64"];

    public static IReadOnlyList<SchemaColumn> From(IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Select(m => new SchemaColumn(m.Key, TypeName(m.Value), m.Value.IsTensor ? m.Value.Dimensions.Select(d => (long)d).ToList() : null)).ToList();
    }

    private static string TypeName(NodeMetadata node)
    {
        if (!node.IsTensor)
        {
            return node.OnnxValueType.ToString().ToLowerInvariant();
        }

        var number = (int)node.ElementDataType;
        return number < ElementTypes.Length ? ElementTypes[number] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
