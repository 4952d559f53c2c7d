using System.Text.Json;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

/// <summary>What the pull-request gate found and reported: the comparison, the sticky comment and the commit status.</summary>
public sealed class PullRequestGateResult
{
    /// <summary>Gets the pull request's number.</summary>
    public int PullRequest { get; init; }

    /// <summary>Gets the head commit the status was set on.</summary>
    public string? HeadSha { get; init; }

    /// <summary>Gets a value indicating whether the candidate passed.</summary>
    public bool Passed { get; init; }

    /// <summary>Gets the state of the <c>model-registry/gate</c> commit status.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the candidate version.</summary>
    public required VersionInfo Candidate { get; init; }

    /// <summary>Gets the stage's current version, when there is one.</summary>
    public VersionInfo? Baseline { get; init; }

    /// <summary>Gets the comparison, one row per metric.</summary>
    public IReadOnlyList<GateComparisonRow> Rows { get; init; } = [];

    /// <summary>Gets the verdict of the thresholds.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    /// <summary>Gets the link to the sticky comment.</summary>
    public string? CommentUrl { get; init; }

    internal static PullRequestGateResult From(JsonElement document, string command) => new()
    {
        PullRequest = (int)(CliJson.Number(document, "pullRequest") ?? 0),
        HeadSha = CliJson.Text(document, "headSha"),
        Passed = CliJson.Flag(document, "passed"),
        Status = CliJson.Text(document, "status"),
        Candidate = CliJson.ReadProperty<VersionInfo>(document, "candidate", command) ?? throw Errors.UnreadableOutput(command, "it names no candidate"),
        Baseline = CliJson.ReadProperty<VersionInfo>(document, "baseline", command),
        Rows = CliJson.ReadProperty<List<GateComparisonRow>>(document, "rows", command) ?? [],
        Evaluation = CliJson.ReadProperty<Verdict>(document, "evaluation", command) ?? Verdict.Empty,
        CommentUrl = document.TryGetProperty("comment", out var comment) ? CliJson.Text(comment, "url") : null,
    };
}
