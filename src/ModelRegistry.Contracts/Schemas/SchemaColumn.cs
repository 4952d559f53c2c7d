using System.Text.Json.Serialization;

namespace ModelRegistry.Schemas;

/// <summary>One input or output of a model.</summary>
/// <param name="Type">The element type: float, double, int64, bool, string, … as ONNX names them.</param>
/// <param name="Shape">The dimensions, -1 for a dynamic one (a batch); null for a scalar or an unknown shape.</param>
public sealed record SchemaColumn(string Name, string Type, IReadOnlyList<long>? Shape)
{
    /// <summary>Equal names, types and shapes (a record compares its list by reference).</summary>
    public bool Equals(SchemaColumn? other) =>
        other is not null && Name == other.Name && Type == other.Type && SameShape(Shape, other.Shape);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Shape?.Count);

    /// <summary>The shape as people read it: [-1, 4], or "scalar".</summary>
    [JsonIgnore]
    public string ShapeText => Shape is null ? "scalar" : $"[{string.Join(", ", Shape)}]";

    private static bool SameShape(IReadOnlyList<long>? a, IReadOnlyList<long>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
