using System.CommandLine;
using ModelRegistry.Policies;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// The options that bring evidence for a gated stage change, and how they become <see cref="PromotionEvidence"/>.
/// The engine checks the evidence against the stage policy; these options only gather it.
/// </summary>
internal sealed class EvidenceOptions
{
    private readonly Option<string?> approvedBy = CommonOptions.ApprovedBy();

    public IEnumerable<Option> All => [approvedBy];

    public Task<PromotionEvidence?> GatherAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(parse.GetValue(approvedBy) is { Length: > 0 } approver ? PromotionEvidence.LocalApproval(approver) : null);
    }
}
