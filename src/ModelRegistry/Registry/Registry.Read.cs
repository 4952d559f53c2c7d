using System.Collections.Concurrent;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;

namespace ModelRegistry;

public sealed partial class Registry
{
    private readonly ConcurrentDictionary<string, VersionRecord> records = new(StringComparer.Ordinal);

    /// <summary>Loads a model's current state, or its state as of a revision or time.</summary>
    public async Task<ModelView> LoadModelAsync(string model, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(model);
        var view = asOf is null ? await Log.LoadAsync(key, cancellationToken) : await Log.LoadAsOfAsync(key, asOf, cancellationToken);
        if (view.Exists)
        {
            return view;
        }

        // Before its first revision a model existed in name only if it has a first revision at all; the name it was
        // registered under is its display name then too.
        var first = asOf is null ? null : await Log.ReadEntryAsync(key, 1, cancellationToken);
        return first is null
            ? throw Errors.ModelNotFound(model, Location)
            : new ModelView(key, ModelState.Empty(first.Model), null, 0, []);
    }

    /// <summary>Resolves a reference (<c>FraudDetection@Production</c>) to one exact version.</summary>
    public async Task<VersionInfo> ResolveAsync(string reference, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, asOf, cancellationToken);
        return await ResolveAsync(view, parsed, cancellationToken);
    }

    /// <summary>Every version of a model, oldest first.</summary>
    public async Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string model, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var view = await LoadModelAsync(model, asOf, cancellationToken);
        var versions = new List<VersionInfo>();
        for (var version = 1; version <= view.State.LatestVersion; version++)
        {
            var index = await FindIndexAsync(view, version, cancellationToken);
            if (index is not null)
            {
                versions.Add(await InfoAsync(view, index, cancellationToken));
            }
        }

        return versions;
    }

    /// <summary>Every revision of a model (who, when, what, why, evidence), oldest first, up to an optional as-of point.</summary>
    public async Task<IReadOnlyList<LogEntry>> HistoryAsync(string model, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(model);
        var entries = new List<LogEntry>();
        for (var revision = 1L; ; revision++)
        {
            var entry = await Log.ReadEntryAsync(key, revision, cancellationToken);
            if (entry is null || (asOf is not null && !asOf.Includes(entry)))
            {
                break;
            }

            entries.Add(entry);
        }

        return entries.Count == 0 && (asOf is null || await Log.ReadEntryAsync(key, 1, cancellationToken) is null)
            ? throw Errors.ModelNotFound(model, Location)
            : entries;
    }

    /// <summary>Reads a version record and checks it against its digest.</summary>
    public Task<VersionRecord> ReadRecordAsync(string model, string digest, CancellationToken cancellationToken = default) =>
        ReadRecordAsync(model, digest, useCache: true, cancellationToken);

    /// <summary>Verify reads past the cache: a record damaged after this process read it must still be found. Without
    /// the cache a record is not kept either, so verify and gc, which read every record once, hold none of them.</summary>
    internal async Task<VersionRecord> ReadRecordAsync(string model, string digest, bool useCache, CancellationToken cancellationToken)
    {
        if (useCache && records.TryGetValue(digest, out var cached))
        {
            return cached;
        }

        var path = RegistryPaths.Record(KeyOf(model), digest);
        var stored = await Storage.ReadAsync(path, null, cancellationToken) ?? throw Errors.CorruptEntry(path, "the record a revision names is missing");
        var actual = Sha256Digest.Of(stored.Content.Span);
        if (actual != digest)
        {
            throw Errors.DigestMismatch(path, digest, actual);
        }

        var record = RegistryJson.Deserialize<VersionRecord>(stored.Content, path);
        if (useCache)
        {
            records[digest] = record;
        }

        return record;
    }

    internal async Task<VersionInfo> ResolveAsync(ModelView view, ModelReference reference, CancellationToken cancellationToken)
    {
        var version = reference.Kind switch
        {
            ReferenceKind.Latest => view.State.LatestVersion,
            ReferenceKind.Number => reference.Number,
            ReferenceKind.Label => (await FindByLabelAsync(view, reference.Selector, cancellationToken))?.Version ?? 0,
            ReferenceKind.Digest => (await FindByRecordAsync(view, reference.Selector, cancellationToken))?.Version ?? 0,
            _ => ResolveName(view, reference),
        };

        // A stage's record digest is in the state itself: resolving a stage reads no index file.
        if (reference.Kind == ReferenceKind.Name && view.State.PointerRecords.TryGetValue(version, out var pointed))
        {
            var record = await ReadRecordAsync(view.Model, pointed, cancellationToken);
            var index = new VersionIndexEntry(version, pointed, record.RecipeDigest, 0, record.Created, record.Label);
            return VersionInfos.From(record, pointed, index, view, Settings) with { Revision = null };
        }

        var found = version > 0 ? await FindIndexAsync(view, version, cancellationToken) : null;
        return found is null
            ? throw Errors.VersionNotFound(reference.ToString(), view.Exists ? $"{view.Model} has versions 1 to {view.State.LatestVersion}" : "the model had no versions then")
            : await InfoAsync(view, found, cancellationToken);
    }

    internal async Task<VersionInfo> InfoAsync(ModelView view, VersionIndexEntry index, CancellationToken cancellationToken)
    {
        var record = await ReadRecordAsync(view.Model, index.Record, cancellationToken);
        return VersionInfos.From(record, index.Record, index, view, Settings);
    }

    internal async Task<VersionIndexEntry?> FindIndexAsync(ModelView view, int version, CancellationToken cancellationToken)
    {
        if (version < 1 || version > view.State.LatestVersion)
        {
            return null;
        }

        if (view.TailRegistrations.FirstOrDefault(e => e.Version == version) is { } entry)
        {
            return IndexOf(entry);
        }

        var path = RegistryPaths.VersionIndex(view.Key, version);
        var stored = await Storage.ReadAsync(path, null, cancellationToken);
        if (stored is not null)
        {
            return RegistryJson.Deserialize<VersionIndexEntry>(stored.Content, path);
        }

        // The index is a cache; if it is missing, the log still has the truth.
        await foreach (var logged in ScanLogBackwardsAsync(view, cancellationToken))
        {
            if (logged.Operation == Operation.Register && logged.Version == version)
            {
                return IndexOf(logged);
            }
        }

        return null;
    }

    internal async Task<VersionIndexEntry?> FindByRecipeAsync(ModelView view, string recipeDigest, CancellationToken cancellationToken)
    {
        if (view.TailRegistrations.FirstOrDefault(e => e.Recipe == recipeDigest) is { } entry)
        {
            return IndexOf(entry);
        }

        return view.SnapshotRevision == 0 ? null : await ReadIndexAsync(RegistryPaths.RecipeIndex(view.Key, recipeDigest), view, cancellationToken);
    }

    internal async Task<VersionIndexEntry?> FindByLabelAsync(ModelView view, string label, CancellationToken cancellationToken)
    {
        if (view.TailRegistrations.FirstOrDefault(e => string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase)) is { } entry)
        {
            return IndexOf(entry);
        }

        return view.SnapshotRevision == 0 ? null : await ReadIndexAsync(RegistryPaths.LabelIndex(view.Key, label), view, cancellationToken);
    }

    private async Task<VersionIndexEntry?> FindByRecordAsync(ModelView view, string digest, CancellationToken cancellationToken)
    {
        if (view.TailRegistrations.FirstOrDefault(e => e.Record == digest) is { } entry)
        {
            return IndexOf(entry);
        }

        if (await Storage.GetInfoAsync(RegistryPaths.Record(view.Key, digest), cancellationToken) is null)
        {
            return null;
        }

        var record = await ReadRecordAsync(view.Model, digest, cancellationToken);
        var byRecipe = await FindByRecipeAsync(view, record.RecipeDigest, cancellationToken);
        return byRecipe?.Record == digest ? byRecipe : null;
    }

    /// <summary>Index files are written only for revisions at or before the snapshot, and only the as-of view
    /// may be older than them: an index entry from after the view's revision does not exist for that view.</summary>
    private async Task<VersionIndexEntry?> ReadIndexAsync(string path, ModelView view, CancellationToken cancellationToken)
    {
        var stored = await Storage.ReadAsync(path, null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var index = RegistryJson.Deserialize<VersionIndexEntry>(stored.Content, path);
        return index.Revision <= view.Revision ? index : null;
    }

    private int ResolveName(ModelView view, ModelReference reference)
    {
        var stage = Settings.FindStage(reference.Selector);
        if (stage is not null)
        {
            if (!RegistrySettings.IsPointerStage(stage))
            {
                throw ContractErrors.InvalidReference(reference.ToString(), $"{stage} may hold many versions; name one by number");
            }

            return view.State.Stages.TryGetValue(stage, out var held)
                ? held
                : throw Errors.VersionNotFound(reference.ToString(), $"no version of {view.Model} is in {stage}");
        }

        return view.State.Aliases.TryGetValue(reference.Selector, out var aliased)
            ? aliased
            : throw Errors.VersionNotFound(reference.ToString(), $"'{reference.Selector}' is neither a stage ({string.Join(", ", Settings.Stages)}) nor an alias of {view.Model}");
    }

    private async IAsyncEnumerable<LogEntry> ScanLogBackwardsAsync(ModelView view, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var revision = view.Revision; revision >= 1; revision--)
        {
            if (await Log.ReadEntryAsync(view.Key, revision, cancellationToken) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private static VersionIndexEntry IndexOf(LogEntry entry) =>
        new(entry.Version!.Value, entry.Record!, entry.Recipe!, entry.Revision, entry.Time, entry.Label);
}
