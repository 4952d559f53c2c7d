using System.Text.Json;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Cli;

/// <summary>Reads the document <c>model-registry restore --json</c> prints, with the tool's own definition of it.</summary>
internal static class RestoreOutput
{
    public static RestoreDocument Parse(string json)
    {
        try
        {
            return ContractJson.Deserialize<RestoreDocument>(json);
        }
        catch (JsonException e)
        {
            throw BuildErrors.CliOutputUnreadable("restore", e.Message);
        }
    }
}
