using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelRegistry.Lineage.Text;

namespace ModelRegistry.Lineage.Config;

/// <summary>
/// Masks the secrets of an inlined configuration file before it enters the record (the file's digest is of the
/// file as written, and reveals nothing). A string under a key whose name says it is a credential
/// (<see cref="SecretNames"/>: <c>"ApiKey"</c>, <c>"client_secret"</c>, <c>"ConnectionStrings"</c>) becomes
/// <c>***</c>, every string below such a key too; numbers, booleans and null are kept (<c>"key_size": 256</c>,
/// <c>"use_auth": true</c> hold no secret). Every other string goes through <see cref="SecretRedaction"/>, so a
/// token or a connection string under an innocent key is masked as well.
/// </summary>
internal static partial class ConfigRedaction
{
    public static JsonNode? Json(JsonNode? node, bool underSecret = false)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    obj[name] = Json(child, underSecret || SecretNames.IsSecret(name));
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    array[i] = null;
                    array[i] = Json(child, underSecret);
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(underSecret ? SecretRedaction.Mask : SecretRedaction.Scrub(value.GetValue<string>()));
            default:
                return node;
        }
    }

    /// <summary>YAML is kept as text (not parsed, so nothing is reordered): a <c>key: value</c> line whose key is
    /// secret keeps its key and loses its value; a block scalar (<c>key: |</c>) under such a key loses its lines.</summary>
    public static string Yaml(string text)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length);
        int? blockIndent = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ').Length;
            if (blockIndent is { } owner)
            {
                if (line.Trim().Length == 0 || indent > owner)
                {
                    continue;
                }

                blockIndent = null;
            }

            if (i > 0)
            {
                result.Append('\n');
            }

            var match = YamlEntry().Match(line);
            if (match.Success && SecretNames.IsSecret(match.Groups["key"].Value) && match.Groups["value"].Value.Trim().Length > 0)
            {
                var value = match.Groups["value"].Value.Trim();
                if (value.StartsWith('|') || value.StartsWith('>'))
                {
                    blockIndent = indent;
                }

                result.Append(match.Groups["head"].Value).Append(SecretRedaction.Mask).Append(line.EndsWith('\r') ? "\r" : "");
                continue;
            }

            result.Append(line);
        }

        return SecretRedaction.Scrub(result.ToString());
    }

    [GeneratedRegex(@"^(?<head>\s*(?:-\s+)?(?<q>[""']?)(?<key>[A-Za-z0-9_.:-]+)\k<q>\s*:\s+)(?<value>[^#\r]*?)\s*(?:#.*)?\r?$")]
    private static partial Regex YamlEntry();
}
