using System.Text.Json;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

/// <summary>A version and the whole recipe that made it (<c>model-registry lineage &lt;reference&gt;</c>).</summary>
public sealed class ModelLineage
{
    /// <summary>Gets the version.</summary>
    public required VersionInfo Version { get; init; }

    /// <summary>Gets how the version was made.</summary>
    public ModelRecipe Recipe { get; init; } = new();

    /// <summary>Gets the verdict of the thresholds applied at registration.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    internal static ModelLineage From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<VersionInfo>(document, command),
        Recipe = CliJson.ReadProperty<ModelRecipe>(document, "recipe", command) ?? new(),
        Evaluation = CliJson.ReadProperty<Verdict>(document, "evaluation", command) ?? Verdict.Empty,
    };
}
