using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Naming;
using ModelRegistry.Policies;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Moves a version to a stage in one commit. The stage policy decides which evidence is needed; promoting into
    /// Production archives the version that held it. Promoting a version into the stage it already holds changes nothing.
    /// </summary>
    public async Task<PromotionResult> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = ModelReference.Parse(request.Reference);
        var stage = Settings.FindStage(request.Stage) ?? throw Errors.Errors.UnknownStage(request.Stage, Settings.Stages);
        var key = KeyOf(reference.Model);
        var policy = Settings.PolicyFor(stage);
        var actor = Actor(request.Actor);

        var current = await LoadModelAsync(reference.Model, null, cancellationToken);
        var target = await ResolveAsync(current, reference, cancellationToken);
        CheckEvidence(target, stage, policy, request.Evidence, actor);
        var rules = policy.Thresholds.Select(ThresholdRule.Parse).Concat(request.Thresholds).ToList();
        var metrics = request.Metrics ?? MetricsDocument.FromValues($"{target.Model} version {target.Version}", target.Metrics);
        var evaluation = await EvaluateAsync(current, metrics, rules, cancellationToken);
        if (!evaluation.Passed)
        {
            return new PromotionResult(target, target.Stage, null, null, null, evaluation);
        }

        string fromStage = target.Stage;
        int? displaced = null;
        string? displacedTo = null;
        var (after, entry) = await Log.CommitAsync(key, latest =>
        {
            fromStage = latest.State.StageOf(target.Version, RegistrySettings.None, RegistrySettings.Archived);
            if (fromStage.Equals(stage, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<LogEntry?>(null);
            }

            displaced = RegistrySettings.IsPointerStage(stage) && latest.State.Stages.TryGetValue(stage, out var held) ? held : null;
            displacedTo = displaced is null ? null
                : stage.Equals(RegistrySettings.Production, StringComparison.OrdinalIgnoreCase) ? RegistrySettings.Archived : RegistrySettings.None;
            return Task.FromResult<LogEntry?>(new LogEntry
            {
                Revision = 0,
                WriteId = "",
                Time = DateTimeOffset.UtcNow,
                Actor = actor,
                Operation = Operation.Stage,
                Model = latest.Model,
                Version = target.Version,
                Record = target.Digest,
                Stage = stage,
                FromStage = fromStage,
                Displaced = displaced,
                DisplacedTo = displacedTo,
                Reason = request.Reason,
                Evidence = EvidenceJson(request.Evidence, rules.Count > 0 ? evaluation : null),
            });
        }, cancellationToken);

        var moved = await ResolveAsync(after, new ModelReference(target.Model, ReferenceKind.Number, target.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        return new PromotionResult(moved, fromStage, displaced, displacedTo, entry, evaluation);
    }

    /// <summary>Puts back the version that held a stage before the current one (by default Production).</summary>
    public async Task<PromotionResult> RollbackAsync(string model, string? stage, PromotionEvidence? evidence, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        var configured = Settings.FindStage(stage ?? RegistrySettings.Production) ?? throw Errors.Errors.UnknownStage(stage!, Settings.Stages);
        var view = await LoadModelAsync(model, null, cancellationToken);
        if (!view.State.Stages.TryGetValue(configured, out var current))
        {
            throw Errors.Errors.NothingToRollBack(view.Model, configured);
        }

        int? previous = null;
        await foreach (var entry in ScanLogBackwardsAsync(view, cancellationToken))
        {
            if (entry.Operation == Operation.Stage && string.Equals(entry.Stage, configured, StringComparison.OrdinalIgnoreCase) && entry.Version != current)
            {
                previous = entry.Version;
                break;
            }
        }

        if (previous is null)
        {
            throw Errors.Errors.NothingToRollBack(view.Model, configured);
        }

        return await PromoteAsync(new PromotionRequest
        {
            Reference = $"{view.Model}@{previous}",
            Stage = configured,
            Reason = reason ?? $"rollback from version {current}",
            Evidence = evidence,
            Actor = actor,
        }, cancellationToken);
    }

    /// <summary>Points an alias at a version (moving it if it pointed elsewhere).</summary>
    public async Task<VersionInfo> SetAliasAsync(string reference, string alias, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        AliasName.Validate(alias, Settings.Stages);
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, null, cancellationToken);
        var target = await ResolveAsync(view, parsed, cancellationToken);
        var (after, _) = await Log.CommitAsync(view.Key, latest => Task.FromResult<LogEntry?>(
            latest.State.Aliases.TryGetValue(alias, out var held) && held == target.Version ? null : new LogEntry
            {
                Revision = 0,
                WriteId = "",
                Time = DateTimeOffset.UtcNow,
                Actor = Actor(actor),
                Operation = Operation.AliasSet,
                Model = latest.Model,
                Version = target.Version,
                Record = target.Digest,
                Alias = alias,
                Reason = reason,
            }), cancellationToken);
        return await ResolveAsync(after, new ModelReference(target.Model, ReferenceKind.Number, target.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
    }

    /// <summary>Removes an alias; removing one that does not exist is an error, so typos do not pass silently.</summary>
    public async Task RemoveAliasAsync(string model, string alias, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        var view = await LoadModelAsync(model, null, cancellationToken);
        await Log.CommitAsync(view.Key, latest => Task.FromResult<LogEntry?>(
            !latest.State.Aliases.TryGetValue(alias, out var held)
                ? throw Errors.Errors.VersionNotFound($"{latest.Model}@{alias}", $"{latest.Model} has no alias '{alias}'")
                : new LogEntry
                {
                    Revision = 0,
                    WriteId = "",
                    Time = DateTimeOffset.UtcNow,
                    Actor = Actor(actor),
                    Operation = Operation.AliasRemove,
                    Model = latest.Model,
                    Version = held,
                    Alias = alias,
                    Reason = reason,
                }), cancellationToken);
    }

    /// <summary>Records a history-only event about a promotion (requested, rejected) with its evidence.</summary>
    public async Task<LogEntry> RecordPromotionEventAsync(string reference, string stage, Operation operation, PromotionEvidence? evidence, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        if (operation is not (Operation.PromotionRequested or Operation.PromotionRejected))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "Only promotion events are recorded this way.");
        }

        var configured = Settings.FindStage(stage) ?? throw Errors.Errors.UnknownStage(stage, Settings.Stages);
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, null, cancellationToken);
        var target = await ResolveAsync(view, parsed, cancellationToken);
        var (_, entry) = await Log.CommitAsync(view.Key, latest => Task.FromResult<LogEntry?>(new LogEntry
        {
            Revision = 0,
            WriteId = "",
            Time = DateTimeOffset.UtcNow,
            Actor = Actor(actor),
            Operation = operation,
            Model = latest.Model,
            Version = target.Version,
            Record = target.Digest,
            Stage = configured,
            Reason = reason,
            Evidence = EvidenceJson(evidence, null),
        }), cancellationToken);
        return entry!;
    }

    private static void CheckEvidence(VersionInfo target, string stage, StagePolicy policy, PromotionEvidence? evidence, string actor)
    {
        if (policy.Requires.Count == 0)
        {
            return;
        }

        // An approval names a person: a blank name (--approved-by "  ") approves nothing, from any face.
        if (evidence is null || evidence.Approvers.All(string.IsNullOrWhiteSpace))
        {
            throw Errors.Errors.ApprovalRequired(target.Model, stage);
        }

        var accepted = policy.Requires.Any(kind => kind == StagePolicy.Approval || kind == evidence.Kind);
        if (!accepted)
        {
            throw Errors.Errors.PolicyNotMet(target.Model, stage, $"it needs {string.Join(" or ", policy.Requires)} evidence, and this promotion brings {evidence.Kind}");
        }

        var requester = evidence.Requester ?? actor;
        if (policy.DistinctApprover && evidence.Approvers.All(a => a.Equals(requester, StringComparison.OrdinalIgnoreCase)))
        {
            throw Errors.Errors.PolicyNotMet(target.Model, stage, $"the approver must be someone other than the requester '{requester}'");
        }
    }

    private static JsonObject? EvidenceJson(PromotionEvidence? evidence, Verdict? evaluation)
    {
        if (evidence is null && evaluation is null)
        {
            return null;
        }

        var json = evidence is null ? [] : JsonSerializer.SerializeToNode(evidence, RegistryJson.Options)!.AsObject();
        if (evaluation is not null)
        {
            json["evaluation"] = JsonSerializer.SerializeToNode(evaluation, RegistryJson.Options);
        }

        return json;
    }
}
