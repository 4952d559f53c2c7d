using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Naming;
using ModelRegistry.Recipes;
using ModelRegistry.Schemas;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Registers a model version: evaluates the gates, uploads the files (deduplicated), writes the record, then
    /// commits the revision that gives it a number. The same recipe returns the existing version and writes nothing
    /// (after its gate passed). A failed gate writes nothing and returns the verdict.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await RegisterUnsignedAsync(request, cancellationToken);

        // Signed after the commit, which numbers the version: a crash in between leaves an unsigned version that a
        // trust policy refuses until 'model-registry sign' adds the signature.
        return result.Version is { } version && request.SignWith is { } key
            ? result with { Signature = await SignRegistrationAsync(version, key, cancellationToken) }
            : result;
    }

    private async Task<RegistrationResult> RegisterUnsignedAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        var key = KeyOf(request.Model);
        if (request.Label is not null)
        {
            SemanticVersionLabel.Validate(request.Label);
        }

        foreach (var (tagKey, tagValue) in request.Tags)
        {
            // The same rule for every face: a tag given as a pair must read back as the same key=value text.
            if (Tag.Parse($"{tagKey}={tagValue}").Key != tagKey)
            {
                throw Errors.InvalidTag(tagKey);
            }
        }

        var artifacts = ArtifactSet.Collect(request.Artifacts, (Storage as FolderStorage)?.Root);
        var files = await ArtifactSet.HashAsync(artifacts, cancellationToken);
        var captured = SchemaCapture.Capture(artifacts, request.Schema, request.SchemaReaders);
        var result = await RegisterFilesAsync(key, request, artifacts, files, captured?.Schema, cancellationToken);
        return captured?.Warning is { } warning ? result with { SchemaWarning = warning } : result;
    }

    private async Task<RegistrationResult> RegisterFilesAsync(string key, RegistrationRequest request, IReadOnlyList<LocalArtifact> artifacts, IReadOnlyList<ArtifactFile> files, ModelSchema? schema, CancellationToken cancellationToken)
    {
        var recipeDigest = RecipeIdentity.Compute(files, request.Recipe, schema);

        var view = await Log.LoadAsync(key, cancellationToken);
        ModelNameRules.EnsureCreatable(request.Model, view.Exists ? view.Model : null);

        // The gates are evaluated even for a recipe registered before: tightening a threshold on an unchanged model
        // must fail the build, not pass it because nothing new was registered.
        var evaluation = await EvaluateAsync(view, request.Metrics, request.Thresholds, cancellationToken);
        if (!evaluation.Passed)
        {
            return new RegistrationResult(null, Created: false, evaluation, 0);
        }

        if (await FindByRecipeAsync(view, recipeDigest, cancellationToken) is { } same)
        {
            return view.State.Purged.ContainsKey(same.Version)
                ? await RestoreAsync(key, same, artifacts, files, request, evaluation, cancellationToken)
                : new RegistrationResult(await InfoAsync(view, same, cancellationToken), Created: false, evaluation, 0);
        }

        if (request.Label is not null && await FindByLabelAsync(view, request.Label, cancellationToken) is { } labelled)
        {
            throw Errors.LabelTaken(view.Model, request.Label, labelled.Version);
        }

        await EnsureCreatedAsync(cancellationToken);
        long uploaded = 0;
        foreach (var (local, file) in artifacts.Zip(files))
        {
            var progress = request.Progress is { } p ? new Progress<long>(done => p.Report(new TransferProgress(file.Path, done, file.Size))) : null;
            uploaded += await Blobs.PutAsync(local.FullPath, file, progress, cancellationToken);
        }

        var actor = Actor(request.Actor);
        var record = new VersionRecord
        {
            Model = view.Exists ? view.Model : request.Model,
            Files = files,
            RecipeDigest = recipeDigest,
            Recipe = request.Recipe,
            Metrics = request.Metrics?.FiniteValues ?? new Dictionary<string, double>(),
            Evaluation = request.Thresholds.Count > 0 ? evaluation : null,
            Label = request.Label,
            // Free text a user types: a record is immutable, so a credential pasted into it is masked like a captured one.
            Tags = request.Tags.ToDictionary(t => t.Key, t => Lineage.Text.SecretRedaction.Scrub(t.Value), StringComparer.Ordinal),
            Description = Lineage.Text.SecretRedaction.ScrubOptional(request.Description),
            Schema = schema,
            Created = DateTimeOffset.UtcNow,
            CreatedBy = actor,
        };
        var recordBytes = RegistryJson.Serialize(record);
        var digest = Sha256Digest.Of(recordBytes);
        await CreateImmutableAsync(RegistryPaths.Record(key, digest), recordBytes, cancellationToken);

        // Known by its bytes: reporting the version after the commit needs no read that could fail once it landed.
        records[digest] = RegistryJson.Deserialize<VersionRecord>(recordBytes, RegistryPaths.Record(key, digest));
        await CreateImmutableAsync(RegistryPaths.ModelEntry(key), RegistryJson.Serialize(new ModelIndexEntry(record.Model, record.Created)), cancellationToken);

        VersionIndexEntry? existing = null;
        var (after, entry) = await Log.CommitAsync(key, async latest =>
        {
            // Decided against the state the commit builds on: a concurrent writer's identical recipe or label wins, and
            // so does the spelling of a first registration that raced this one (one model, one spelling).
            if (latest.Exists && !string.Equals(latest.Model, record.Model, StringComparison.Ordinal))
            {
                throw Errors.ModelNameCaseDiffers(record.Model, latest.Model);
            }

            existing = await FindByRecipeAsync(latest, recipeDigest, cancellationToken);
            if (existing is not null)
            {
                return null;
            }

            if (request.Label is not null && await FindByLabelAsync(latest, request.Label, cancellationToken) is { } taken)
            {
                throw Errors.LabelTaken(latest.Model, request.Label, taken.Version);
            }

            return new LogEntry
            {
                Revision = 0,
                WriteId = "",
                Time = DateTimeOffset.UtcNow,
                Actor = actor,
                Operation = Operation.Register,
                Model = latest.Exists ? latest.Model : record.Model,
                Version = latest.State.LatestVersion + 1,
                Record = digest,
                Recipe = recipeDigest,
                Label = request.Label,
            };
        }, cancellationToken);

        if (entry is null)
        {
            return after.State.Purged.ContainsKey(existing!.Version)
                ? await RestoreAsync(key, existing, artifacts, files, request, evaluation, cancellationToken)
                : new RegistrationResult(await InfoAsync(after, existing, cancellationToken), Created: false, evaluation, uploaded);
        }

        uploaded += await PutBackMissingAsync(artifacts, files, cancellationToken);
        if (entry.Revision == 1)
        {
            await NameModelAsWrittenAsync(key, entry.Model, cancellationToken);
        }

        var index = new VersionIndexEntry(entry.Version!.Value, digest, recipeDigest, entry.Revision, entry.Time, entry.Label);
        return new RegistrationResult(await InfoAsync(after, index, cancellationToken), Created: true, evaluation, uploaded) { Warning = after.CacheWarning };
    }

    /// <summary>
    /// The model index entry is written before the first commit, so a committed model is always listed; when two first
    /// registrations race with two spellings, the loser's entry can be the one stored. The winner of revision 1 puts
    /// its spelling there (conditionally: an entry changed meanwhile is left to its writer), as the log says.
    /// </summary>
    private async Task NameModelAsWrittenAsync(string key, string model, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.ModelEntry(key);
        if (await Storage.ReadAsync(path, null, cancellationToken) is { } stored
            && RegistryJson.Deserialize<ModelIndexEntry>(stored.Content, path) is { } listed
            && !string.Equals(listed.Model, model, StringComparison.Ordinal))
        {
            await Storage.ReplaceAsync(path, RegistryJson.Serialize(listed with { Model = model }), stored.ETag, cancellationToken);
        }
    }

    /// <summary>
    /// Registering the recipe of a purged version again uploads its files (refreshing any still stored, so gc keeps
    /// them) and commits a <see cref="Operation.Restore"/> revision: the same version, under the same ID, pullable again.
    /// </summary>
    private async Task<RegistrationResult> RestoreAsync(string key, VersionIndexEntry version, IReadOnlyList<LocalArtifact> artifacts, IReadOnlyList<ArtifactFile> files, RegistrationRequest request, Verdict evaluation, CancellationToken cancellationToken)
    {
        long uploaded = 0;
        foreach (var (local, file) in artifacts.Zip(files))
        {
            var progress = request.Progress is { } p ? new Progress<long>(done => p.Report(new TransferProgress(file.Path, done, file.Size))) : null;
            uploaded += await Blobs.PutAsync(local.FullPath, file, progress, cancellationToken);
        }

        var after = await CommitRestoreAsync(key, version, request.Actor, "the same recipe was registered again: its files are stored again", cancellationToken);
        uploaded += await PutBackMissingAsync(artifacts, files, cancellationToken);
        return new RegistrationResult(await InfoAsync(after, version, cancellationToken), Created: false, evaluation, uploaded)
        {
            Restored = true,
            Warning = after.CacheWarning,
        };
    }

    /// <summary>Commits the restore of a purged version whose files were just stored again (nothing when another writer
    /// restored it first). A reused file was refreshed by its upload, so a gc running meanwhile keeps it.</summary>
    internal async Task<ModelView> CommitRestoreAsync(string key, VersionIndexEntry version, string? actor, string reason, CancellationToken cancellationToken)
    {
        var restorer = Actor(actor);
        var (after, _) = await Log.CommitAsync(key, latest => Task.FromResult<LogEntry?>(!latest.State.Purged.ContainsKey(version.Version) ? null : new LogEntry
        {
            Revision = 0,
            WriteId = "",
            Time = DateTimeOffset.UtcNow,
            Actor = restorer,
            Operation = Operation.Restore,
            Model = latest.Model,
            Version = version.Version,
            Record = version.Record,
            Reason = reason,
        }), cancellationToken);
        return after;
    }

    /// <summary>Reused files were refreshed before the commit, so gc keeps them (docs/storage-format.md); checking
    /// again costs one request per file and puts back any file that went missing anyway (create-only, same bytes).</summary>
    private async Task<long> PutBackMissingAsync(IReadOnlyList<LocalArtifact> artifacts, IReadOnlyList<ArtifactFile> files, CancellationToken cancellationToken)
    {
        long uploaded = 0;
        foreach (var (local, file) in artifacts.Zip(files))
        {
            try
            {
                if (await Storage.GetInfoAsync(RegistryPaths.Blob(file.Digest), cancellationToken) is null)
                {
                    uploaded += await Blobs.PutAsync(local.FullPath, file, null, cancellationToken);
                }
            }
            catch (Exception e) when (e is IOException or RegistryException)
            {
                // The check got no answer. The commit has landed and must be reported as landed; the file was there
                // moments ago, and 'model-registry verify' finds the rare case where gc took it in between.
            }
        }

        return uploaded;
    }

    /// <summary>Evaluates rules against metrics, with relative rules compared to the model's current stage holders.</summary>
    public async Task<Verdict> EvaluateAsync(string? model, MetricsDocument? metrics, IReadOnlyList<ThresholdRule> rules, CancellationToken cancellationToken = default)
    {
        var view = model is null ? null : await Log.LoadAsync(KeyOf(model), cancellationToken);
        return await EvaluateAsync(view, metrics, rules, cancellationToken);
    }

    private async Task<Verdict> EvaluateAsync(ModelView? view, MetricsDocument? metrics, IReadOnlyList<ThresholdRule> rules, CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return Verdict.Empty;
        }

        if (metrics is null)
        {
            throw Errors.MetricsFileNotFound("(none given)");
        }

        // Baselines are read before evaluating, so the evaluator itself stays synchronous and pure.
        var baselines = new Dictionary<string, Baseline?>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in rules.Select(r => r.BaselineStage).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var configured = Settings.Stage(stage);
            baselines[stage] = null;
            if (view is { Exists: true } && view.State.Stages.TryGetValue(configured, out var held))
            {
                var info = await ResolveAsync(view, new ModelReference(view.Model, ReferenceKind.Number, held.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
                baselines[stage] = new Baseline($"{view.Model}@{configured} (version {held})", MetricsDocument.FromValues($"{view.Model} version {held}", info.Metrics));
            }
        }

        return ThresholdEvaluator.Evaluate(metrics, rules, stage => baselines[stage]);
    }

    private async Task CreateImmutableAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await Storage.CreateAsync(path, content, cancellationToken);
        }
        catch (StorageOutcomeUnknownException)
        {
            if (await Storage.GetInfoAsync(path, cancellationToken) is null)
            {
                throw Errors.OutcomeUnknown("writing a version record", path);
            }
        }
    }
}
