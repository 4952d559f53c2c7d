using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>The retention policy after a change: its revision, who made it and why.</summary>
public sealed class ModelRegistryRetention
{
    /// <summary>Gets the policy revision.</summary>
    public long Revision { get; init; }

    /// <summary>Gets who changed the policy.</summary>
    public string? Actor { get; init; }

    /// <summary>Gets why.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the rules that apply to the model the change named (null for a change of the default).</summary>
    public string? Applies { get; init; }

    internal static ModelRegistryRetention From(JsonElement document) =>
        document.TryGetProperty("revision", out var revision) && revision.ValueKind == JsonValueKind.Object
            ? new()
            {
                Revision = CliJson.Number(revision, "revision") ?? 0,
                Actor = CliJson.Text(revision, "actor"),
                Reason = CliJson.Text(revision, "reason"),
                Applies = CliJson.Text(document, "applies"),
            }
            : new();
}
