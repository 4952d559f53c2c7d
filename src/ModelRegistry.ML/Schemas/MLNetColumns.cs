using Microsoft.ML;
using Microsoft.ML.Data;
using ModelRegistry.Schemas;

namespace ModelRegistry.ML.Schemas;

/// <summary>
/// ML.NET's type system in the registry's column terms (docs/schemas.md): a schema read from a model zip and the one a
/// .NET class declares become the same <see cref="SchemaColumn"/>s, so <see cref="SchemaCompatibility"/> compares
/// them by the rules it applies to ONNX models. Element types use ONNX's names (float, double, int64, string, bool);
/// a vector's shape is its dimensions, -1 for a vector of variable size; a single value has no shape.
/// </summary>
public static class MLNetColumns
{
    /// <summary>The visible columns of a schema, in order: hidden columns are earlier values a transform replaced.</summary>
    public static IReadOnlyList<SchemaColumn> From(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Where(c => !c.IsHidden).Select(c => Column(c.Name, c.Type)).ToList();
    }

    /// <summary>The columns a class declares, with ML.NET's own reading of its attributes (ColumnName, VectorType).</summary>
    public static IReadOnlyList<SchemaColumn> From(Type rowType, SchemaDefinition.Direction direction)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        return SchemaDefinition.Create(rowType, direction).Select(c => Column(c.ColumnName, c.ColumnType)).ToList();
    }

    public static SchemaColumn Column(string name, DataViewType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type is VectorDataViewType vector
            ? new SchemaColumn(name, ElementType(vector.ItemType), vector.IsKnownSize ? vector.Dimensions.Select(d => (long)d).ToList() : [-1])
            : new SchemaColumn(name, ElementType(type), null);
    }

    private static string ElementType(DataViewType type) => type switch
    {
        TextDataViewType => "string",
        BooleanDataViewType => "bool",
        KeyDataViewType key => $"key<{NumberName(key.RawType)}>",
        DateTimeDataViewType => "datetime",
        DateTimeOffsetDataViewType => "datetimeoffset",
        TimeSpanDataViewType => "timespan",
        RowIdDataViewType => "rowid",
        NumberDataViewType number => NumberName(number.RawType),
        _ => type.RawType.Name,
    };

    private static string NumberName(Type raw) =>
        raw == typeof(float) ? "float"
        : raw == typeof(double) ? "double"
        : raw == typeof(sbyte) ? "int8"
        : raw == typeof(byte) ? "uint8"
        : raw == typeof(short) ? "int16"
        : raw == typeof(ushort) ? "uint16"
        : raw == typeof(int) ? "int32"
        : raw == typeof(uint) ? "uint32"
        : raw == typeof(long) ? "int64"
        : raw == typeof(ulong) ? "uint64"
        : raw.Name;
}
