using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Manifest;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Queries;

/// <summary>
/// Compares two recipes field by field. Each recipe is flattened to <c>field path → value</c>; lists of inputs are
/// keyed by what names them (a data input by its source, a config or lock file by its path, a folder entry by its
/// path), so a reordered list is no change and a changed dataset reads <c>data[data/train].digest</c>.
/// </summary>
internal static class RecipeDiff
{
    private static readonly string[] KeyProperties = ["source", "path", "name"];

    public static IReadOnlyList<FieldChange> Compare(Recipe left, Recipe right)
    {
        var a = Flatten(left);
        var b = Flatten(right);
        return [.. a.Keys.Union(b.Keys)
            .Order(Comparer<string>.Create(Utf8Order.Compare))
            .Select(field => (field, Left: a.GetValueOrDefault(field), Right: b.GetValueOrDefault(field)))
            .Where(c => c.Left != c.Right)
            .Select(c => new FieldChange(c.field, c.Left, c.Right, CountsForIdentity(c.field)))];
    }

    /// <summary>Mirrors <see cref="RecipeIdentity"/>: which flattened fields it reads.</summary>
    public static bool CountsForIdentity(string field) =>
        field is "code.commit" or "code.dirtyDigest" or "command" or "environment.containerImage"
        || field.StartsWith("environment.variables.", StringComparison.Ordinal)
        || (field.StartsWith("data[", StringComparison.Ordinal) && (field.EndsWith("].digest", StringComparison.Ordinal) || field.EndsWith("].contentMd5", StringComparison.Ordinal) || field.EndsWith("].eTag", StringComparison.Ordinal) || field.EndsWith(']')))
        || (field.StartsWith("config[", StringComparison.Ordinal) && (field.EndsWith("].digest", StringComparison.Ordinal) || field.EndsWith(']')))
        || (field.StartsWith("environment.lockFiles[", StringComparison.Ordinal) && (field.EndsWith("].digest", StringComparison.Ordinal) || field.EndsWith(']')));

    private static Dictionary<string, string> Flatten(Recipe recipe)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(JsonSerializer.SerializeToNode(recipe, RegistryJson.Options), "", values);
        return values;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, path.Length == 0 ? name : $"{path}.{name}", values);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    if (item is JsonObject keyed && KeyOf(keyed) is { } key)
                    {
                        // The entry itself is a field too, so an added or removed input shows as one line.
                        values[$"{path}[{key}]"] = "present";
                        Flatten(item, $"{path}[{key}]", values);
                    }
                    else if (item is JsonValue scalar)
                    {
                        values[$"{path}[{Text(scalar)}]"] = "present";
                    }
                    else
                    {
                        Flatten(item, $"{path}[{i}]", values);
                    }
                }

                break;
            default:
                values[path] = Text(node);
                break;
        }
    }

    private static string? KeyOf(JsonObject item) =>
        KeyProperties.Select(p => item[p] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null);

    private static string Text(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}
