using ModelRegistry.Policies;
using ModelRegistry.Storage;

namespace ModelRegistry.Manifest;

/// <summary>
/// The commit protocol of one registry (ARCHITECTURE.md section 2). Revision N+1 of a model exists only if one
/// writer created it; the writer decides the change against the state at N, so version numbers, label uniqueness
/// and recipe identity are decided inside the commit. A lost race re-reads the new revisions and decides again.
/// </summary>
public sealed class ManifestLog
{
    private const int MaxAttempts = 2000;
    private readonly IRegistryStorage storage;
    private readonly RegistrySettings settings;
    private readonly Dictionary<string, (ModelState State, string ETag)> snapshots = [];
    private readonly Dictionary<string, SortedList<long, LogEntry>> tails = [];
    private readonly Lock snapshotsLock = new();

    public ManifestLog(IRegistryStorage storage, RegistrySettings settings)
    {
        this.storage = storage;
        this.settings = settings;
    }

    /// <summary>Reads the snapshot (revalidated by ETag: nothing is downloaded when it did not change) and the revisions after it.</summary>
    public async Task<ModelView> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var (state, etag) = await ReadSnapshotAsync(key, cancellationToken);
        var snapshotRevision = state.Revision;
        var tail = new List<LogEntry>();
        for (var revision = state.Revision + 1; ; revision++)
        {
            var entry = await ReadTailEntryAsync(key, revision, snapshotRevision, cancellationToken);
            if (entry is null)
            {
                break;
            }

            tail.Add(entry);
            state = StateFolder.Apply(state, entry, settings);
        }

        return new ModelView(key, state, etag, snapshotRevision, tail);
    }

    /// <summary>
    /// Log entries are immutable, so one read per entry is enough: a writer that loses a race, or a reader that polls,
    /// reads only the revisions it has not seen. Entries at or before the snapshot are dropped, so the cache stays as
    /// short as the tail. Without it every load re-reads the whole tail, which under many writers costs a request per
    /// entry per load on a remote store.
    /// </summary>
    private async Task<LogEntry?> ReadTailEntryAsync(string key, long revision, long snapshotRevision, CancellationToken cancellationToken)
    {
        lock (snapshotsLock)
        {
            if (tails.TryGetValue(key, out var cached))
            {
                while (cached.Count > 0 && cached.Keys[0] <= snapshotRevision)
                {
                    cached.RemoveAt(0);
                }

                if (cached.TryGetValue(revision, out var known))
                {
                    return known;
                }
            }
        }

        var entry = await ReadEntryAsync(key, revision, cancellationToken);
        if (entry is not null)
        {
            Remember(key, entry);
        }

        return entry;
    }

    private void Remember(string key, LogEntry entry)
    {
        lock (snapshotsLock)
        {
            if (!tails.TryGetValue(key, out var cached))
            {
                tails[key] = cached = [];
            }

            cached.TryAdd(entry.Revision, entry);
        }
    }

    /// <summary>The state as of a revision or a time, folded from the first revision.</summary>
    public async Task<ModelView> LoadAsOfAsync(string key, AsOf asOf, CancellationToken cancellationToken = default)
    {
        var state = ModelState.Empty(key);
        var tail = new List<LogEntry>();
        for (var revision = 1L; ; revision++)
        {
            var entry = await ReadEntryAsync(key, revision, cancellationToken);
            if (entry is null || !asOf.Includes(entry))
            {
                break;
            }

            tail.Add(entry);
            state = StateFolder.Apply(state, entry, settings);
        }

        return new ModelView(key, state, null, 0, tail);
    }

    public async Task<LogEntry?> ReadEntryAsync(string key, long revision, CancellationToken cancellationToken = default)
    {
        var path = RegistryPaths.Log(key, revision);
        var stored = await storage.ReadAsync(path, null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var entry = RegistryJson.Deserialize<LogEntry>(stored.Content, path);
        return entry.Revision == revision ? entry : throw Errors.CorruptEntry(path, $"it says revision {entry.Revision}");
    }

    /// <summary>
    /// Commits one revision. <paramref name="decide"/> sees the latest state and returns the change, or null when
    /// nothing needs to change; it runs again after every lost race. Returns the view after the commit and the
    /// committed entry (null when nothing was committed).
    /// </summary>
    public async Task<(ModelView View, LogEntry? Entry)> CommitAsync(string key, Func<ModelView, Task<LogEntry?>> decide, CancellationToken cancellationToken = default)
    {
        var writeId = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var view = await LoadAsync(key, cancellationToken);
            var proposed = await decide(view);
            if (proposed is null)
            {
                return (view, null);
            }

            var entry = proposed with { Revision = view.Revision + 1, WriteId = writeId };
            var path = RegistryPaths.Log(key, entry.Revision);
            if (await FollowedAsync(key, entry.Revision, cancellationToken))
            {
                // Another writer committed it meanwhile: decide again.
                continue;
            }

            var unknown = false;
            try
            {
                if (await storage.CreateAsync(path, RegistryJson.Serialize(entry), cancellationToken) == CreateOutcome.Created)
                {
                    return (await AfterCommitAsync(view, entry, cancellationToken), entry);
                }
            }
            catch (StorageOutcomeUnknownException)
            {
                unknown = true;
            }

            // The name existed, or the write's fate is unknown: read it back. Our own write id means our commit
            // landed (a retried request finds its own first attempt); another id means another writer won.
            var landed = await ReadBackAsync(key, entry.Revision, unknown, cancellationToken);
            if (landed?.WriteId == writeId)
            {
                return (await AfterCommitAsync(view, landed, cancellationToken), landed);
            }

            // Nothing readable settles nothing, even after "already exists": a store that retries a request by itself
            // (the Azure SDK does) answers 409 to the retry of a write that applied, so the entry may be this writer's.
            if (landed is null)
            {
                throw Errors.OutcomeUnknown($"committing revision {entry.Revision} of {view.Model}", path);
            }

            Remember(key, landed);

            // Exponential backoff with full jitter: with dozens of writers on one model, short fixed waits keep them
            // colliding, and every lost race costs a read-back and a reload on a remote store.
            await Task.Delay(Random.Shared.Next(1, 1 + Math.Min(1000, 4 << Math.Min(attempt, 8))), cancellationToken);
        }

        throw Errors.CommitContention(key, MaxAttempts);
    }

    /// <summary>
    /// Whether the revision about to be committed is already followed by the next one. It is when another writer has
    /// just committed both (a lost race: true); when it is still missing, the log has a gap (an entry deleted from
    /// storage), which a commit would fill with a change decided without the revisions after it: refused (MRB1103).
    /// </summary>
    private async Task<bool> FollowedAsync(string key, long revision, CancellationToken cancellationToken)
    {
        if (await storage.GetInfoAsync(RegistryPaths.Log(key, revision + 1), cancellationToken) is null)
        {
            return false;
        }

        return await storage.GetInfoAsync(RegistryPaths.Log(key, revision), cancellationToken) is not null
            ? true
            : throw Errors.CorruptEntry(RegistryPaths.Log(key, revision), $"it is missing, yet revision {revision + 1} follows it; nothing is committed to this model while its log has a gap");
    }

    /// <summary>
    /// Brings the caches up to the view: index files for every register revision after the snapshot, then the
    /// snapshot itself (compare-and-swap on its ETag). Caches never decide anything, so failing here is harmless.
    /// </summary>
    public async Task AdvanceSnapshotAsync(ModelView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Revision <= view.SnapshotRevision)
        {
            return;
        }

        var path = RegistryPaths.State(view.Key);
        var content = RegistryJson.Serialize(view.State);
        var (floor, etag) = (view.SnapshotRevision, view.SnapshotETag);
        var indexedUpTo = floor;
        try
        {
            // More than this writer's own revision in the tail means others commit too and may have moved the snapshot
            // already: one revalidating read (304 when it did not move) finds how far, so index files they made sure
            // of are not written again, and a snapshot already past this view is left alone.
            if (view.Tail.Count > 1 && await storage.ReadAsync(path, etag, cancellationToken) is { NotModified: false } moved)
            {
                (floor, etag) = (SnapshotRevision(moved, path), moved.ETag);
            }

            for (var attempt = 0; attempt < 3 && floor < view.Revision; attempt++)
            {
                // Readers trust the index files for every registration at or before the snapshot, so the snapshot
                // moves only when each of them is known to exist; otherwise the next writer retries.
                if (!await WriteIndexFilesAsync(view, Math.Max(floor, indexedUpTo), cancellationToken))
                {
                    return;
                }

                indexedUpTo = view.Revision;
                if (await storage.ReplaceAsync(path, content, etag, cancellationToken))
                {
                    return;
                }

                // Another writer moved it since: try again on its new ETag while it is still behind this view, so
                // that under many writers the snapshot keeps up with the log. It never moves backwards.
                var current = await storage.ReadAsync(path, null, cancellationToken);
                (floor, etag) = current is null ? (0, null) : (SnapshotRevision(current, path), current.ETag);
            }
        }
        catch (StorageOutcomeUnknownException)
        {
            // A cache write whose fate is unknown is simply redone by the next writer.
        }
        catch (IOException)
        {
            // So is one whose read of the current snapshot got no answer: the commit itself has landed.
        }
    }

    private async Task<bool> WriteIndexFilesAsync(ModelView view, long after, CancellationToken cancellationToken)
    {
        var indexed = true;
        foreach (var entry in view.TailRegistrations.Where(e => e.Revision > after))
        {
            var index = new VersionIndexEntry(entry.Version!.Value, entry.Record!, entry.Recipe!, entry.Revision, entry.Time, entry.Label);
            indexed &= await CreateIgnoringExistingAsync(RegistryPaths.VersionIndex(view.Key, index.Version), RegistryJson.Serialize(index), cancellationToken);
            indexed &= await CreateIgnoringExistingAsync(RegistryPaths.RecipeIndex(view.Key, index.Recipe), RegistryJson.Serialize(index), cancellationToken);
            if (index.Label is not null)
            {
                indexed &= await CreateIgnoringExistingAsync(RegistryPaths.LabelIndex(view.Key, index.Label), RegistryJson.Serialize(index), cancellationToken);
            }
        }

        return indexed;
    }

    /// <summary>The revision a stored snapshot is at; a damaged one counts as none, so it gets replaced.</summary>
    private static long SnapshotRevision(StoredObject stored, string path)
    {
        try
        {
            return RegistryJson.Deserialize<ModelState>(stored.Content, path).Revision;
        }
        catch (RegistryException)
        {
            return 0;
        }
    }

    private async Task<ModelView> AfterCommitAsync(ModelView view, LogEntry entry, CancellationToken cancellationToken)
    {
        var after = view.With(entry, settings);
        try
        {
            await AdvanceSnapshotAsync(after, cancellationToken);
        }
        catch (Exception e) when (e is RegistryException or IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException or Azure.RequestFailedException or OperationCanceledException)
        {
            // The commit landed, and must be reported as landed; the caches it could not write stay behind and the
            // next writer brings them up.
            after.CacheWarning = Errors.CacheNotUpdatedWarning(after.Model, entry.Revision, e is RegistryException coded ? coded.Code : e.GetType().Name);
        }

        return after;
    }

    private async Task<LogEntry?> ReadBackAsync(string key, long revision, bool unknown, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < (unknown ? 5 : 2); attempt++)
        {
            try
            {
                var entry = await ReadEntryAsync(key, revision, cancellationToken);
                if (entry is not null)
                {
                    return entry;
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or HttpRequestException or Azure.RequestFailedException)
            {
                // Reading back failed too; try again before calling the outcome unknown.
            }

            await Task.Delay(50 * (attempt + 1), cancellationToken);
        }

        return null;
    }

    /// <summary>Creates a cache file; returns whether it is known to exist afterwards.</summary>
    private async Task<bool> CreateIgnoringExistingAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await storage.CreateAsync(path, content, cancellationToken);
            return true;
        }
        catch (StorageOutcomeUnknownException)
        {
            // Read back; if it did not land, the snapshot stays behind and the next writer that folds this revision writes it.
            try
            {
                return await storage.GetInfoAsync(path, cancellationToken) is not null;
            }
            catch (Exception e) when (e is IOException or TimeoutException or HttpRequestException or Azure.RequestFailedException)
            {
                return false;
            }
        }
    }

    private async Task<(ModelState State, string? ETag)> ReadSnapshotAsync(string key, CancellationToken cancellationToken)
    {
        (ModelState State, string ETag) cached;
        bool hasCached;
        lock (snapshotsLock)
        {
            hasCached = snapshots.TryGetValue(key, out cached);
        }

        var path = RegistryPaths.State(key);
        var stored = await storage.ReadAsync(path, hasCached ? cached.ETag : null, cancellationToken);
        if (stored is null)
        {
            return (ModelState.Empty(key), null);
        }

        if (stored.NotModified)
        {
            return cached;
        }

        ModelState state;
        try
        {
            state = RegistryJson.Deserialize<ModelState>(stored.Content, path);
        }
        catch (RegistryException)
        {
            // The snapshot is only a cache: a damaged one is ignored and the log is folded from the start.
            return (ModelState.Empty(key), stored.ETag);
        }

        if (state.Format < ModelState.CurrentFormat)
        {
            // Written before the state knew what rollback needs: fold from the start instead of trusting it.
            return (ModelState.Empty(key), stored.ETag);
        }

        lock (snapshotsLock)
        {
            snapshots[key] = (state, stored.ETag);
        }

        return (state, stored.ETag);
    }
}
