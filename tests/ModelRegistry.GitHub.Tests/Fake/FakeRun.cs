using System.Text.Json.Nodes;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>A workflow run: waiting for an environment's reviewers until one approves (in_progress) or rejects
/// (completed, failure). Its approvals keep the whole review history in order, as GitHub's do.</summary>
public sealed class FakeRun
{
    public required long Id { get; init; }

    public required string Workflow { get; init; }

    public required string HeadBranch { get; init; }

    public required string HeadSha { get; init; }

    public required string Actor { get; init; }

    public string TriggeringActor { get; set; } = "";

    public string Event { get; init; } = "workflow_dispatch";

    public string Environment { get; init; } = "production";

    public string Status { get; set; } = "waiting";

    public string? Conclusion { get; set; }

    public int Attempt { get; set; } = 1;

    public JsonObject Inputs { get; init; } = [];

    public List<FakeApproval> Approvals { get; } = [];
}

/// <summary>One environment review of a run.</summary>
public sealed record FakeApproval(string User, string State, string Comment, string Environment);
