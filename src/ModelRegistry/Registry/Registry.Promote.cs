using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Naming;
using ModelRegistry.Policies;
using ModelRegistry.Schemas;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Moves a version to a stage in one commit. The stage policy decides which evidence is needed; promoting into
    /// Production archives the version that held it. Promoting a version into the stage it already holds changes nothing.
    /// The move is decided against the stage holder seen when the gates were evaluated: if another writer moves the
    /// stage before this commit lands, a move that carries an approval (or an expected holder) is refused with MRB1310,
    /// since an approval applies to the displacement the approver saw; one without is evaluated again against the new
    /// holder. A stage or alias reference that moves meanwhile is refused with MRB1312.
    /// </summary>
    public async Task<PromotionResult> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await SignPromotionAsync(await PromoteUnsignedAsync(request, cancellationToken), request.SignWith, cancellationToken);
    }

    private async Task<PromotionResult> PromoteUnsignedAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        var reference = ModelReference.Parse(request.Reference);
        var stage = Settings.Stage(request.Stage);
        var key = KeyOf(reference.Model);
        var policy = Settings.PolicyFor(stage);
        var actor = Actor(request.Actor);

        var current = await LoadModelAsync(reference.Model, null, cancellationToken);
        var target = await ResolveAsync(current, reference, cancellationToken);
        var pointer = RegistrySettings.IsPointerStage(stage);
        var seenHolder = pointer ? HolderOf(current, stage) : target.Version;
        if (request.ExpectCurrent is { } expected && expected.Version != seenHolder)
        {
            throw HolderChanged(target.Model, stage, pointer, request.Reference, expected.Version, seenHolder, "(--expect-current)");
        }

        if (pointer)
        {
            target.EnsureFilesStored();
        }

        CheckEvidence(target, stage, policy, request.Evidence, actor);
        var breakingSchema = await CheckSchemaAsync(current, seenHolder, target, stage, policy, request, cancellationToken);
        var rules = policy.RulesWith(request.Thresholds);
        var metrics = request.Metrics ?? MetricsDocument.FromValues($"{target.Model} version {target.Version}", target.Metrics);
        var evaluation = await EvaluateAsync(current, metrics, rules, cancellationToken);
        if (!evaluation.Passed)
        {
            return new PromotionResult(target, target.Stage, null, null, null, evaluation);
        }

        var decidedByPerson = request.Evidence is not null || request.ExpectCurrent is not null;
        var failedAgain = false;
        string fromStage = target.Stage;
        int? displaced = null;
        string? displacedTo = null;
        var (after, entry) = await Log.CommitAsync(key, async latest =>
        {
            fromStage = latest.State.StageOf(target.Version, RegistrySettings.None, RegistrySettings.Archived);
            if (fromStage.Equals(stage, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // Decided against the latest state: a purge that landed first wins, and a stage never points at missing files.
            if (pointer && latest.State.Purged.TryGetValue(target.Version, out var purgedBy))
            {
                throw Errors.VersionPurged(latest.Model, target.Version, purgedBy);
            }

            if (reference.Kind == ReferenceKind.Name && PointerOf(latest, reference.Selector!) is { } now && now != target.Version)
            {
                throw Errors.ReferenceMoved(request.Reference, target.Version, now);
            }

            if (pointer && HolderOf(latest, stage) is var holder && holder != seenHolder)
            {
                if (decidedByPerson)
                {
                    throw HolderChanged(target.Model, stage, pointer, request.Reference, seenHolder, holder, "(it moved after this promotion was evaluated; an approval applies to the displacement the approver saw)");
                }

                // No person decided against the old holder: the gates decide again against the new one.
                seenHolder = holder;
                breakingSchema = await CheckSchemaAsync(latest, holder, target, stage, policy, request, cancellationToken);
                evaluation = await EvaluateAsync(latest, metrics, rules, cancellationToken);
                if (!evaluation.Passed)
                {
                    failedAgain = true;
                    return null;
                }
            }

            displaced = pointer ? HolderOf(latest, stage) : null;
            displacedTo = displaced is null ? null
                : stage.Equals(RegistrySettings.Production, StringComparison.OrdinalIgnoreCase) ? RegistrySettings.Archived : RegistrySettings.None;
            return new LogEntry
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
                RolledBack = request.RollingBack,
                Reason = request.Reason,
                Evidence = WithBreakingSchema(EvidenceJson(request.Evidence, rules.Count > 0 ? evaluation : null), breakingSchema, request.AllowBreakingSchema),
            };
        }, cancellationToken);

        if (failedAgain)
        {
            return new PromotionResult(target, target.Stage, null, null, null, evaluation);
        }

        var (moved, warning) = await ReportAfterCommitAsync(after, target, entry, cancellationToken);
        return new PromotionResult(moved, fromStage, displaced, displacedTo, entry, evaluation) { Warning = warning };
    }

    /// <summary>
    /// What a rollback of a stage (by default Production) would put back, read from the state snapshot: the version
    /// that entered the stage before <paramref name="from"/> (by default the current holder). Its cost does not grow
    /// with history.
    /// </summary>
    public async Task<RollbackPlan> PlanRollbackAsync(string model, string? stage, int? from = null, CancellationToken cancellationToken = default)
    {
        var configured = Settings.Stage(stage ?? RegistrySettings.Production);
        var view = await LoadModelAsync(model, null, cancellationToken);
        var holder = HolderOf(view, configured);
        if (holder is null && from is null)
        {
            throw Errors.NothingToRollBack(view.Model, configured);
        }

        var rollFrom = from ?? holder!.Value;
        if (holder != rollFrom)
        {
            return new RollbackPlan(view.Model, configured, rollFrom, holder, null);
        }

        // A retried plain rollback finds the version it put back holding the stage: rolling that back would re-deploy
        // the version just rolled back. One read: the revision that moved the holder in.
        if (from is null && view.State.StageMoves.TryGetValue(configured, out var moveRevision)
            && await Log.ReadEntryAsync(view.Key, moveRevision, cancellationToken) is { RolledBack: { } rolledBack })
        {
            return new RollbackPlan(view.Model, configured, rollFrom, holder, null) { RolledBackBy = (moveRevision, rolledBack) };
        }

        return view.State.LastHolders.TryGetValue(configured, out var last) && last == holder
            && view.State.PreviousHolders.TryGetValue(configured, out var previous)
            ? new RollbackPlan(view.Model, configured, rollFrom, holder, previous)
            : throw Errors.NothingToRollBack(view.Model, configured);
    }

    /// <summary>
    /// Puts back the version that held a stage before <paramref name="from"/> (by default the current holder, and the
    /// stage by default Production). Idempotent: when <paramref name="from"/> no longer holds the stage, because this
    /// rollback already happened or someone moved the stage since, nothing is committed, nothing is signed with
    /// <paramref name="signWith"/>, and the result says why.
    /// </summary>
    public async Task<PromotionResult> RollbackAsync(string model, string? stage, PromotionEvidence? evidence, string? reason, string? actor, int? from = null, Signing.SigningKey? signWith = null, CancellationToken cancellationToken = default)
    {
        var plan = await PlanRollbackAsync(model, stage, from, cancellationToken);
        if (!plan.Applies)
        {
            var holder = plan.Holder is { } held ? await ResolveAsync($"{plan.Model}@{held.ToString(System.Globalization.CultureInfo.InvariantCulture)}", cancellationToken: cancellationToken) : null;
            var named = await ResolveAsync($"{plan.Model}@{plan.From.ToString(System.Globalization.CultureInfo.InvariantCulture)}", cancellationToken: cancellationToken);
            return new PromotionResult(holder ?? named, (holder ?? named).Stage, null, null, null, Verdict.Empty)
            {
                Note = plan.RolledBackBy is var (revision, rolledBack)
                    ? $"{plan.Model} version {plan.From} holds {plan.Stage} because revision {revision} rolled back version {rolledBack}: nothing was rolled back, so a retried rollback never re-deploys it. To roll back further, promote the version wanted; to undo that rollback, run rollback --from {plan.From}."
                    : $"{plan.Model} version {plan.From} no longer holds {plan.Stage} ({ExpectedHolder.Describe(plan.Holder)} does): nothing was rolled back.",
            };
        }

        return await PromoteAsync(new PromotionRequest
        {
            Reference = $"{plan.Model}@{plan.To!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            Stage = plan.Stage,
            Reason = reason ?? $"rollback from version {plan.From.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            Evidence = evidence,
            Actor = actor,
            ExpectCurrent = new ExpectedHolder(plan.From),
            SignWith = signWith,
            RollingBack = plan.From,
        }, cancellationToken);
    }

    private static int? HolderOf(ModelView view, string stage) => view.State.Stages.TryGetValue(stage, out var held) ? held : null;

    private static int? PointerOf(ModelView view, string name) =>
        view.State.Stages.TryGetValue(name, out var staged) ? staged : view.State.Aliases.TryGetValue(name, out var aliased) ? aliased : null;

    private static RegistryException HolderChanged(string model, string stage, bool pointer, string reference, int? expected, int? actual, string when) =>
        Errors.StageHolderChanged(pointer ? $"{stage} of {model}" : $"'{reference}'", ExpectedHolder.Describe(expected), ExpectedHolder.Describe(actual), when);

    /// <summary>The moved version as the committed view shows it. The commit has landed: a read that fails now (a
    /// token that expired, a cache that cannot be read) must not turn it into a failure, so the version is reported
    /// from what is already known.</summary>
    private async Task<(VersionInfo Moved, string? Warning)> ReportAfterCommitAsync(ModelView after, VersionInfo target, LogEntry? entry, CancellationToken cancellationToken)
    {
        try
        {
            return (await ResolveAsync(after, new ModelReference(target.Model, ReferenceKind.Number, target.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken), after.CacheWarning);
        }
        catch (Exception e) when (entry is not null && e is RegistryException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            var stage = after.State.StageOf(target.Version, RegistrySettings.None, RegistrySettings.Archived);
            return (target with { Stage = stage, Aliases = after.State.AliasesOf(target.Version) },
                after.CacheWarning ?? Errors.CacheNotUpdatedWarning(after.Model, entry.Revision, e is RegistryException coded ? coded.Code : e.GetType().Name));
        }
    }

    /// <summary>Points an alias at a version (moving it if it pointed elsewhere).</summary>
    public async Task<VersionInfo> SetAliasAsync(string reference, string alias, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        AliasName.Validate(alias, Settings.Stages);
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, null, cancellationToken);
        var target = await ResolveAsync(view, parsed, cancellationToken);
        var (after, _) = await Log.CommitAsync(view.Key, latest => Task.FromResult<LogEntry?>(
            // Decided against the latest state: a stage or alias named as the reference must still name the version.
            parsed.Kind == ReferenceKind.Name && PointerOf(latest, parsed.Selector!) is { } now && now != target.Version
                ? throw Errors.ReferenceMoved(reference, target.Version, now)
            : latest.State.Aliases.TryGetValue(alias, out var held) && held == target.Version ? null
            : latest.State.Purged.TryGetValue(target.Version, out var purgedBy) ? throw Errors.VersionPurged(latest.Model, target.Version, purgedBy)
            : new LogEntry
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
                ? throw Errors.VersionNotFound($"{latest.Model}@{alias}", $"{latest.Model} has no alias '{alias}'")
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

        var configured = Settings.Stage(stage);
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
            throw Errors.ApprovalRequired(target.Model, stage);
        }

        var accepted = policy.Requires.Any(kind => kind == StagePolicy.Approval || kind == evidence.Kind);
        if (!accepted)
        {
            throw Errors.PolicyNotMet(target.Model, stage, $"it needs {string.Join(" or ", policy.Requires)} evidence, and this promotion brings {evidence.Kind}");
        }

        var requester = evidence.Requester ?? actor;
        if (policy.DistinctApprover && evidence.Approvers.All(a => a.Equals(requester, StringComparison.OrdinalIgnoreCase)))
        {
            throw Errors.PolicyNotMet(target.Model, stage, $"the approver must be someone other than the requester '{requester}'");
        }
    }

    /// <summary>Under a policy that requires a compatible schema: the candidate's breaking differences from the stage
    /// holder's, refused (MRB2104) unless the request allows them. Null when the policy does not ask, the stage is
    /// empty, or the candidate is the stage's previous holder: a rollback puts back what consumers ran before.</summary>
    private async Task<IReadOnlyList<SchemaDifference>?> CheckSchemaAsync(ModelView view, int? holder, VersionInfo target, string stage, StagePolicy policy, PromotionRequest request, CancellationToken cancellationToken)
    {
        if (!policy.HoldsToSchema(target.Version, holder, view.State.PreviousHolderOf(stage)) || holder is not { } held)
        {
            return null;
        }

        var holderInfo = await ResolveAsync(view, new ModelReference(view.Model, ReferenceKind.Number, held.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        var breaking = SchemaCompatibility.Compare(holderInfo.Schema, target.Schema).Where(d => d.Breaking).ToList();
        if (breaking.Count > 0 && string.IsNullOrWhiteSpace(request.AllowBreakingSchema))
        {
            throw Errors.SchemaIncompatible(target.Reference, stage, $"{view.Model}@{held.ToString(CultureInfo.InvariantCulture)}", [.. breaking.Select(SchemaCompatibility.Describe)]);
        }

        return breaking;
    }

    /// <summary>The allowed breaking differences and the reason, in the evidence that history and the report show.</summary>
    private static JsonObject? WithBreakingSchema(JsonObject? evidence, IReadOnlyList<SchemaDifference>? breaking, string? reason)
    {
        if (breaking is not { Count: > 0 })
        {
            return evidence;
        }

        evidence ??= [];
        evidence["breakingSchema"] = new JsonObject
        {
            ["reason"] = reason,
            ["differences"] = new JsonArray([.. breaking.Select(d => (JsonNode?)SchemaCompatibility.Describe(d))]),
        };
        return evidence;
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
