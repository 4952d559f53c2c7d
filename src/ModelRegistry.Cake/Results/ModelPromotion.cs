using System.Text.Json;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

/// <summary>What a stage change did: the version in its new stage and the version it displaced.</summary>
public sealed class ModelPromotion
{
    /// <summary>Gets the version, as it is after the call.</summary>
    public required VersionInfo Version { get; init; }

    /// <summary>Gets a value indicating whether a revision was committed (false: the version already was in the stage, or its gate did not pass).</summary>
    public bool Changed { get; init; }

    /// <summary>Gets the stage the version left.</summary>
    public string? FromStage { get; init; }

    /// <summary>Gets the version that held the stage before and was moved out of it, if any.</summary>
    public int? Displaced { get; init; }

    /// <summary>Gets the stage the displaced version moved to (Archived when Production changes hands).</summary>
    public string? DisplacedTo { get; init; }

    /// <summary>Gets the verdict of the gate's thresholds, when the promotion applied any.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    /// <summary>Gets who approved a GitHub-gated promotion (environment reviewers or pull-request approvers).</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    /// <summary>Gets the GitHub deployment recorded for a promotion through an environment.</summary>
    public long? DeploymentId { get; init; }

    internal static ModelPromotion From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<VersionInfo>(document, command),
        Changed = CliJson.Flag(document, "changed"),
        FromStage = CliJson.Text(document, "fromStage"),
        Displaced = CliJson.Number(document, "displaced") is { } displaced ? (int)displaced : null,
        DisplacedTo = CliJson.Text(document, "displacedTo"),
        Evaluation = CliJson.ReadProperty<Verdict>(document, "evaluation", command) ?? Verdict.Empty,
        Approvers = GitHubApprovers(document),
        DeploymentId = document.TryGetProperty("github", out var github) ? CliJson.Number(github, "deploymentId") : null,
    };

    private static List<string> GitHubApprovers(JsonElement document) =>
        document.TryGetProperty("github", out var github)
        && github.TryGetProperty("evidence", out var evidence)
        && evidence.TryGetProperty("approvers", out var approvers)
        && approvers.ValueKind == JsonValueKind.Array
            ? [.. approvers.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
            : [];
}
