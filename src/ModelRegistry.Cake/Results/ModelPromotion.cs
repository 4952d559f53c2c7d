using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>What a stage change did: the version in its new stage and the version it displaced.</summary>
public sealed class ModelPromotion
{
    /// <summary>Gets the version, as it is after the call.</summary>
    public ModelVersion Version { get; init; } = new();

    /// <summary>Gets a value indicating whether a revision was committed (false: the version already was in the stage, or its gate did not pass).</summary>
    public bool Changed { get; init; }

    /// <summary>Gets the stage the version left.</summary>
    public string? FromStage { get; init; }

    /// <summary>Gets the version that held the stage before and was moved out of it, if any.</summary>
    public int? Displaced { get; init; }

    /// <summary>Gets the stage the displaced version moved to (Archived when Production changes hands).</summary>
    public string? DisplacedTo { get; init; }

    /// <summary>Gets the verdict of the gate's thresholds, when the promotion applied any.</summary>
    public ModelEvaluation Evaluation { get; init; } = new();

    internal static ModelPromotion From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<ModelVersion>(document, command),
        Changed = CliJson.Flag(document, "changed"),
        FromStage = CliJson.Text(document, "fromStage"),
        Displaced = CliJson.Number(document, "displaced") is { } displaced ? (int)displaced : null,
        DisplacedTo = CliJson.Text(document, "displacedTo"),
        Evaluation = CliJson.ReadProperty<ModelEvaluation>(document, "evaluation", command) ?? new(),
    };
}
