using System.Text.Json;

namespace ModelRegistry.Schemas;

/// <summary>
/// Reads the schema file of <c>register --schema</c>: <c>{"inputs": [{"name", "type", "shape"}], "outputs": [...]}</c>,
/// for models whose format carries none. Every rule is checked here, so a bad file is refused before anything is stored.
/// </summary>
public static class DeclaredSchema
{
    public static ModelSchema Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw Errors.SchemaFileInvalid(path, "the file does not exist");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Errors.SchemaFileInvalid(path, "it is not a JSON object");
            }

            return new ModelSchema
            {
                Format = ModelSchema.Declared,
                Inputs = Columns(path, root, "inputs"),
                Outputs = Columns(path, root, "outputs"),
            };
        }
        catch (JsonException e)
        {
            throw Errors.SchemaFileInvalid(path, $"it is not JSON ({e.Message})");
        }
    }

    private static List<SchemaColumn> Columns(string path, JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Errors.SchemaFileInvalid(path, $"\"{property}\" must be an array");
        }

        var columns = new List<SchemaColumn>();
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{property}[{columns.Count}]";
            var name = Text(path, item, at, "name");
            if (columns.Any(c => c.Name == name))
            {
                throw Errors.SchemaFileInvalid(path, $"{at}: \"{name}\" is named twice in \"{property}\"");
            }

            columns.Add(new SchemaColumn(name, Text(path, item, at, "type"), Shape(path, item, at)));
        }

        return columns;
    }

    private static string Text(string path, JsonElement item, string at, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Errors.SchemaFileInvalid(path, $"{at} needs a non-empty \"{property}\" string");

    private static List<long>? Shape(string path, JsonElement item, string at)
    {
        if (!item.TryGetProperty("shape", out var shape) || shape.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (shape.ValueKind != JsonValueKind.Array)
        {
            throw Errors.SchemaFileInvalid(path, $"{at}: \"shape\" must be an array of dimensions");
        }

        var dimensions = new List<long>();
        foreach (var dimension in shape.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt64(out var size) || size < -1)
            {
                throw Errors.SchemaFileInvalid(path, $"{at}: every dimension of \"shape\" must be a whole number, -1 for a dynamic one");
            }

            dimensions.Add(size);
        }

        // As for ONNX, no dimensions is a scalar.
        return dimensions.Count > 0 ? dimensions : null;
    }
}
