using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ModelRegistry.Manifest;

/// <summary>The one JSON spelling of every registry object and CLI document: camelCase, no nulls, enums as text.</summary>
public static class RegistryJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlyMemory<byte> content, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content.Span, Options) ?? throw Errors.CorruptEntry(path, "it is empty");
        }
        catch (JsonException e)
        {
            throw Errors.CorruptEntry(path, e.Message);
        }
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,

            // Readable documents: '+' in times and non-ASCII in names stay as written; JSON never lands in HTML here.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        ContractJson.Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
