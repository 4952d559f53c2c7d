using ModelRegistry.Schemas;

namespace ModelRegistry.Runtime;

/// <summary>
/// Whether a loaded model fits what the service feeds it and reads from it (docs/serving.md): every column the service
/// needs must be one of the model's, with the same type and shape. Columns the service does not use are no concern.
/// </summary>
public static class ServedSchema
{
    /// <summary>What keeps <paramref name="needed"/> from being served by <paramref name="model"/>, one line each;
    /// empty when every needed column is there.</summary>
    /// <param name="side">"input" or "output", for the lines.</param>
    public static IReadOnlyList<string> Missing(string side, IEnumerable<SchemaColumn> needed, IReadOnlyList<SchemaColumn> model)
    {
        ArgumentNullException.ThrowIfNull(needed);
        ArgumentNullException.ThrowIfNull(model);
        var differences = new List<string>();
        foreach (var column in needed)
        {
            var match = model.FirstOrDefault(c => c.Name == column.Name);
            if (match is null)
            {
                differences.Add($"{side} '{column.Name}' ({Describe(column)}) is not one of the model's");
            }
            else if (!match.Equals(column))
            {
                differences.Add($"{side} '{column.Name}' is {Describe(column)} here but {Describe(match)} in the model");
            }
        }

        return differences;
    }

    public static string Describe(SchemaColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Shape is null ? column.Type : $"{column.Type} {column.ShapeText}";
    }
}
