using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>A requested promotion: the promotion workflow was dispatched and waits for the environment's reviewers.</summary>
public sealed class ModelPromotionRequest
{
    /// <summary>Gets the version whose promotion was requested.</summary>
    public required VersionInfo Version { get; init; }

    /// <summary>Gets the stage asked for.</summary>
    public string RequestedStage { get; init; } = "";

    /// <summary>Gets the dispatched workflow run, when GitHub reported it.</summary>
    public long? RunId { get; init; }

    /// <summary>Gets the link to the run (or to the workflow, when the run was not known yet).</summary>
    public string? RunUrl { get; init; }

    internal static ModelPromotionRequest From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<VersionInfo>(document, command),
        RequestedStage = CliJson.Text(document, "requestedStage") ?? "",
        RunId = CliJson.Number(document, "runId"),
        RunUrl = CliJson.Text(document, "runUrl") ?? CliJson.Text(document, "workflowUrl"),
    };
}
