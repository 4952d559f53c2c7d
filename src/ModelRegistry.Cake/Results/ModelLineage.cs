using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>A version and the whole recipe that made it (<c>model-registry lineage &lt;reference&gt;</c>).</summary>
public sealed class ModelLineage
{
    /// <summary>Gets the version.</summary>
    public ModelVersion Version { get; init; } = new();

    /// <summary>Gets how the version was made.</summary>
    public ModelRecipe Recipe { get; init; } = new();

    /// <summary>Gets the verdict of the thresholds applied at registration.</summary>
    public ModelEvaluation Evaluation { get; init; } = new();

    internal static ModelLineage From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<ModelVersion>(document, command),
        Recipe = CliJson.ReadProperty<ModelRecipe>(document, "recipe", command) ?? new(),
        Evaluation = CliJson.ReadProperty<ModelEvaluation>(document, "evaluation", command) ?? new(),
    };
}
