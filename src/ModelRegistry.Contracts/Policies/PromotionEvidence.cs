using System.Text.Json.Nodes;

namespace ModelRegistry.Policies;

/// <summary>
/// What a face gathered to justify a promotion: who approved it, through which gate, with which details
/// (run URL, pull request, commit, comments). The engine checks it against the stage policy and records it in the
/// revision that moves the pointer.
/// </summary>
public sealed record PromotionEvidence
{
    /// <summary>local, github-deployment or github-pull-request.</summary>
    public required string Kind { get; init; }

    public IReadOnlyList<string> Approvers { get; init; } = [];

    /// <summary>Who asked for the promotion, when known (for the distinct-approver rule).</summary>
    public string? Requester { get; init; }

    /// <summary>Gate-specific details: run id and URL, pull request number, head commit, comments, deployment id.</summary>
    public JsonObject Details { get; init; } = [];

    /// <summary>The kind of an approval given on the command line (<c>--approved-by</c>).</summary>
    public const string LocalKind = "local";

    public static PromotionEvidence LocalApproval(string approver) => new() { Kind = LocalKind, Approvers = [approver] };
}
