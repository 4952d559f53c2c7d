using System.Text.Json;
using ModelRegistry.Manifest;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Cli;

/// <summary>Reads the document <c>model-registry restore --json</c> prints, with the tool's own definition of it.</summary>
internal static class RestoreOutput
{
    public static RestoreDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RestoreDocument>(json, RegistryJson.Options) ?? throw Errors.Errors.CliOutputUnreadable("restore", "the document is empty");
        }
        catch (JsonException e)
        {
            throw Errors.Errors.CliOutputUnreadable("restore", e.Message);
        }
    }
}
