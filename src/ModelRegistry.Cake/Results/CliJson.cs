using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>Reads the CLI's documents (camelCase, as <c>--json</c> writes them): the contract's records (versions,
/// verdicts, the restore document) with the options the CLI writes them with, the addin's own result types with the
/// same spelling.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Read<T>(JsonElement element, string command)
        where T : class
    {
        try
        {
            var options = typeof(T).Assembly == typeof(ContractJson).Assembly ? ContractJson.Options : Options;
            return element.Deserialize<T>(options) ?? throw Errors.UnreadableOutput(command, "the document is empty");
        }
        catch (JsonException e)
        {
            throw Errors.UnreadableOutput(command, e.Message);
        }
    }

    public static T? ReadProperty<T>(JsonElement element, string name, string command)
        where T : class =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Read<T>(value, command) : null;

    public static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
