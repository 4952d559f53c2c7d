using System.Globalization;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Retention;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>What <c>gc</c> is asked to do.</summary>
public sealed record GcRequest
{
    /// <summary>Only files older than this are taken (at least <see cref="Registry.MinimumGrace"/>).</summary>
    public TimeSpan Grace { get; init; } = Registry.DefaultGrace;

    /// <summary>Purge and delete; without it gc only plans.</summary>
    public bool Apply { get; init; }

    public string? Actor { get; init; }

    public IProgress<GcProgress>? Progress { get; init; }

    /// <summary>Plans with this policy instead of the registry's (a proposed change under review); refused with
    /// <see cref="Apply"/>, since only a committed policy may purge.</summary>
    public RetentionRevision? Policy { get; init; }
}

/// <summary>How far a long gc has come: a phase and a count within it.</summary>
public sealed record GcProgress(string Phase, long Done, long? Total);

public sealed partial class Registry
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    /// <summary>The shortest grace period gc accepts: a registration uploads its files before the commit that names
    /// them, and on a slow link that takes minutes; an hour leaves a wide margin.</summary>
    public static readonly TimeSpan MinimumGrace = TimeSpan.FromHours(1);

    /// <summary>The clock gc measures ages with; tests move it forward instead of shrinking the grace period.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    public Task<GcReport> CollectGarbageAsync(TimeSpan grace, bool dryRun, CancellationToken cancellationToken = default) =>
        CollectGarbageAsync(new GcRequest { Grace = grace, Apply = !dryRun }, cancellationToken);

    /// <summary>
    /// Plans retention for every model and finds the files nothing kept names; with <see cref="GcRequest.Apply"/>,
    /// records each model's purge in a revision, then deletes. Nothing a kept version or a revision names is removed:
    /// <list type="bullet">
    /// <item>models are found from the log files themselves, not from the model index (which only lists names);</item>
    /// <item>paths are matched segment by segment against the layout, so nothing else (a model called "records",
    /// a folder someone keeps beside the registry) is ever taken for an orphan;</item>
    /// <item>a purge is decided inside its commit against the model's latest revision: a version promoted, aliased or
    /// restored meanwhile is kept, and a stage can never point at a purged version;</item>
    /// <item>a writer that reuses an old file refreshes it before its commit, and each deletion is conditional on the
    /// file being exactly as gc saw it, so a file refreshed after gc looked stays;</item>
    /// <item>just before deleting, gc reads the revisions committed while it ran and keeps what they name.</item>
    /// </list>
    /// The storage is listed once; the logs are read through their summaries (written by gc as it goes), so a plan
    /// costs about a listing at any history length.
    /// </summary>
    public async Task<GcReport> CollectGarbageAsync(GcRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Grace < MinimumGrace)
        {
            throw Errors.GraceTooShort(request.Grace, MinimumGrace);
        }

        if (request.Apply && request.Policy is not null)
        {
            throw ContractErrors.InvalidRetentionPolicy("a policy file only plans: apply it with 'model-registry retention apply <file>', then run gc --apply");
        }

        if (request.Apply)
        {
            await Storage.RecoverInterruptedDeletesAsync(cancellationToken);
        }

        var now = Clock.GetUtcNow();
        var cutoff = now - request.Grace;
        var listing = await ListForGcAsync(cutoff, request.Progress, cancellationToken);
        var retention = request.Policy ?? await ReadRetentionAsync(cancellationToken);

        var histories = new List<ModelHistory>();
        foreach (var (key, summaries) in listing.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            request.Progress?.Report(new GcProgress("reading logs", histories.Count, listing.Models.Count));
            var history = await ReadHistoryAsync(key, summaries, cancellationToken);

            // Readers stop at the first missing revision: with a gap, every version after it would look unnamed and
            // lose its files. Revisions committed while gc ran only make the history longer than the listing.
            if (listing.LastLogged.GetValueOrDefault(key) is var last && last > history.Revision)
            {
                throw Errors.CorruptEntry(RegistryPaths.Log(key, history.Revision + 1), $"it is missing, yet revisions up to {last} follow it; gc deletes nothing while a log has a gap");
            }

            histories.Add(history);
        }

        var plans = histories.Select(h => Plan(h, retention, now)).ToList();
        if (request.Apply)
        {
            for (var i = 0; i < histories.Count; i++)
            {
                if (plans[i].Purge.Count > 0)
                {
                    plans[i] = plans[i] with { PurgeRevision = await CommitPurgeAsync(histories[i], plans[i], retention!, request.Actor, cancellationToken) };
                }
            }

            // Revisions committed while gc ran (its own purges among them) name what stays: read them just before deleting.
            foreach (var history in histories)
            {
                await CatchUpAsync(history, cancellationToken);
            }
        }

        var purging = request.Apply ? null : plans.ToDictionary(p => p.Model, p => p.Purge.Select(v => v.Version).ToHashSet(), StringComparer.Ordinal);
        var named = NameWhatIsKept(histories, purging);
        var doomed = listing.Old.Where(item => named.IsCandidate(item.Path)).ToList();
        var young = listing.Young.Count(named.IsCandidate);
        plans = [.. plans.Select((plan, i) => plan with { BytesReclaimed = ReclaimedBytes(histories[i], plan, named, listing.Old) })];

        if (!request.Apply || doomed.Count == 0)
        {
            return new GcReport(!request.Apply, request.Grace, doomed, doomed.Sum(u => u.Size), young) { Models = plans, PolicyRevision = retention?.Revision };
        }

        var removed = new List<ObjectInfo>();
        var spared = 0;
        foreach (var item in doomed)
        {
            request.Progress?.Report(new GcProgress("deleting", removed.Count + spared, doomed.Count));
            if (await Storage.DeleteIfUnchangedAsync(item, cancellationToken))
            {
                removed.Add(item);
            }
            else
            {
                spared++;
            }
        }

        return new GcReport(false, request.Grace, removed, removed.Sum(u => u.Size), young, spared) { Models = plans, PolicyRevision = retention?.Revision };
    }

    /// <summary>One pass over the whole storage: the models (by their logs), the log summaries stored, and every
    /// candidate kind of file (artifact, record, temporary) older than the cutoff; of younger ones only the paths.</summary>
    private async Task<GcListing> ListForGcAsync(DateTimeOffset cutoff, IProgress<GcProgress>? progress, CancellationToken cancellationToken)
    {
        var listing = new GcListing();
        long seen = 0;
        await foreach (var item in Storage.ListAsync("", cancellationToken))
        {
            if (++seen % 10_000 == 0)
            {
                progress?.Report(new GcProgress("listing", seen, null));
            }

            if (RegistryPaths.LogKey(item.Path) is { } key)
            {
                listing.Models.TryAdd(key, []);
                // A log path ends in its 20-digit revision and ".json" (LogKey checked the shape).
                var revision = long.Parse(item.Path.AsSpan(item.Path.Length - 25, 20), NumberStyles.None, CultureInfo.InvariantCulture);
                listing.LastLogged[key] = Math.Max(listing.LastLogged.GetValueOrDefault(key), revision);
            }
            else if (SummaryOf(item.Path) is { } summary)
            {
                (listing.Models.TryGetValue(summary.Key, out var firsts) ? firsts : listing.Models[summary.Key] = []).Add(summary.First);
            }
            else if (NamedObjects.IsCandidateKind(item.Path))
            {
                if (item.LastModified > cutoff)
                {
                    listing.Young.Add(item.Path);
                }
                else
                {
                    listing.Old.Add(item);
                }
            }
        }

        // A summary without a log (a model folder someone copied in part) names no model.
        foreach (var key in listing.Models.Where(m => m.Value.Count > 0).Select(m => m.Key).ToList())
        {
            if (await Storage.GetInfoAsync(RegistryPaths.Log(key, 1), cancellationToken) is null)
            {
                listing.Models.Remove(key);
            }
        }

        return listing;
    }

    private static ModelRetentionPlan Plan(ModelHistory history, RetentionRevision? retention, DateTimeOffset now)
    {
        var policy = retention?.For(history.Key);
        var decided = RetentionRules.Decide(history, policy, now);
        return new ModelRetentionPlan
        {
            Model = history.Model,
            Policy = policy?.ToString() ?? "keep everything",
            Kept = [.. decided.Where(d => d.Rules.Count > 0).Select(d => new KeptVersion(d.Version, d.Rules))],
            Purge = [.. decided.Where(d => d.Rules.Count == 0).Select(d => history.Versions[d.Version]).Select(v => new PurgedVersion(v.Version, v.Files.Count, v.Files.Sum(f => f.Size)))],
            AlreadyPurged = history.State.Purged.Count,
        };
    }

    /// <summary>
    /// Commits the purge of a model's planned versions, decided against its latest revision: a version that a stage or
    /// alias now names or a rollback would put back, or that any revision after the plan touched (a promotion, an alias, a restore), is kept.
    /// Returns the purge revision, or null when nothing was left to purge.
    /// </summary>
    private async Task<long?> CommitPurgeAsync(ModelHistory history, ModelRetentionPlan plan, RetentionRevision retention, string? actor, CancellationToken cancellationToken)
    {
        var planned = plan.Purge.Select(p => p.Version).ToHashSet();
        var (_, entry) = await Log.CommitAsync(history.Key, async latest =>
        {
            var touched = new HashSet<int>();
            for (var revision = history.Revision + 1; revision <= latest.Revision; revision++)
            {
                if (await Log.ReadEntryAsync(history.Key, revision, cancellationToken) is { } later)
                {
                    touched.UnionWith(new[] { later.Version, later.Displaced }.OfType<int>());
                }
            }

            var state = latest.State;
            List<int> versions = [.. planned.Where(v => !touched.Contains(v) && !state.Purged.ContainsKey(v)
                && !state.Stages.ContainsValue(v) && !state.Aliases.ContainsValue(v) && !state.RollbackTargets().Any(t => t.Version == v)).Order()];
            return versions.Count == 0 ? null : new LogEntry
            {
                Revision = 0,
                WriteId = "",
                Time = DateTimeOffset.UtcNow,
                Actor = Actor(actor),
                Operation = Operation.Purge,
                Model = latest.Model,
                Versions = versions,
                PolicyRevision = retention.Revision,
                Reason = $"retention policy revision {retention.Revision}: {plan.Policy}",
            };
        }, cancellationToken);
        return entry?.Revision;
    }

    /// <summary>A model's log folded for retention, read through its summaries where they exist; the complete ranges
    /// read entry by entry are summarized for the next gc (create-only: a summary never changes).</summary>
    private async Task<ModelHistory> ReadHistoryAsync(string key, HashSet<long> summaries, CancellationToken cancellationToken)
    {
        var history = new ModelHistory(key, Settings);
        while (true)
        {
            var first = history.Revision + 1;
            if (summaries.Contains(first) && await ReadSummaryAsync(key, first, cancellationToken) is { } summary)
            {
                foreach (var entry in summary.Entries)
                {
                    history.Apply(entry, FilesOf(entry, summary.Files));
                }

                continue;
            }

            var range = new List<LogEntry>(RegistryPaths.LogSummarySpan);
            var files = new Dictionary<string, IReadOnlyList<ArtifactFile>>(StringComparer.Ordinal);
            await ReadEntriesAsync(history, RegistryPaths.LogSummarySpan, range, files, cancellationToken);
            if (range.Count < RegistryPaths.LogSummarySpan)
            {
                return history;
            }

            if ((first - 1) % RegistryPaths.LogSummarySpan == 0)
            {
                await WriteSummaryAsync(key, new LogSummary { First = first, Entries = range, Files = files }.Sealed(), cancellationToken);
            }
        }
    }

    /// <summary>Reads the revisions committed after what the history holds.</summary>
    private Task CatchUpAsync(ModelHistory history, CancellationToken cancellationToken) =>
        ReadEntriesAsync(history, int.MaxValue, null, null, cancellationToken);

    private async Task ReadEntriesAsync(ModelHistory history, int most, List<LogEntry>? range, Dictionary<string, IReadOnlyList<ArtifactFile>>? files, CancellationToken cancellationToken)
    {
        for (var read = 0; read < most && await Log.ReadEntryAsync(history.Key, history.Revision + 1, cancellationToken) is { } entry; read++)
        {
            IReadOnlyList<ArtifactFile>? named = null;
            if (entry.Operation == Operation.Register && entry.Record is { } record)
            {
                named = (await ReadRecordAsync(entry.Model, record, useCache: false, cancellationToken)).Files;
                files?.TryAdd(record, named);
            }

            history.Apply(entry, named);
            range?.Add(entry with { Evidence = null });
        }
    }

    private static IReadOnlyList<ArtifactFile>? FilesOf(LogEntry entry, Dictionary<string, IReadOnlyList<ArtifactFile>> files) =>
        entry.Operation == Operation.Register && entry.Record is { } record ? files[record] : null;

    private async Task<LogSummary?> ReadSummaryAsync(string key, long first, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.LogSummary(key, first);
        try
        {
            var stored = await Storage.ReadAsync(path, null, cancellationToken);
            var summary = stored is null ? null : RegistryJson.Deserialize<LogSummary>(stored.Content, path);
            return summary is not null && summary.IsWhole(first) ? summary : null;
        }
        catch (RegistryException)
        {
            // Only a cache: a damaged summary is read around, from the log itself.
            return null;
        }
    }

    private async Task WriteSummaryAsync(string key, LogSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            await Storage.CreateAsync(RegistryPaths.LogSummary(key, summary.First), RegistryJson.Serialize(summary), cancellationToken);
        }
        catch (Exception e) when (e is StorageOutcomeUnknownException or IOException or UnauthorizedAccessException or Azure.RequestFailedException)
        {
            // A summary is a cache: the next gc reads the range from the log and tries again.
        }
    }

    /// <summary>The model key and first revision of a summary path (<c>models/&lt;key&gt;/summaries/&lt;20 digits&gt;.json</c>).</summary>
    private static (string Key, long First)? SummaryOf(string path) =>
        path.Split('/') is ["models", var key, "summaries", { Length: 25 } file] && Naming.ModelName.IsValid(key) && !key.Any(char.IsAsciiLetterUpper)
            && file.EndsWith(".json", StringComparison.Ordinal)
            && long.TryParse(file[..20], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            ? (key, first)
            : null;

    /// <summary>Every record a revision names, and the files of every version that keeps its files: not purged, and
    /// (in a plan) not about to be.</summary>
    private static NamedObjects NameWhatIsKept(IEnumerable<ModelHistory> histories, Dictionary<string, HashSet<int>>? purging)
    {
        var named = new NamedObjects();
        foreach (var history in histories)
        {
            var planned = purging?.GetValueOrDefault(history.Model);
            foreach (var version in history.Versions.Values)
            {
                named.Records.Add(RegistryPaths.Record(history.Key, version.Record));
                if (!history.State.Purged.ContainsKey(version.Version) && planned?.Contains(version.Version) != true)
                {
                    foreach (var file in version.Files)
                    {
                        named.Blobs.Add(RegistryPaths.Blob(file.Digest));
                    }
                }
            }
        }

        return named;
    }

    /// <summary>The bytes a model's purge frees: files its purged versions name that nothing kept names, each counted
    /// once, and only those old enough to go.</summary>
    private static long ReclaimedBytes(ModelHistory history, ModelRetentionPlan plan, NamedObjects named, IReadOnlyList<ObjectInfo> old)
    {
        if (plan.Purge.Count == 0)
        {
            return 0;
        }

        var paths = plan.Purge.SelectMany(p => history.Versions[p.Version].Files).Select(f => RegistryPaths.Blob(f.Digest))
            .Where(path => !named.Blobs.Contains(path)).ToHashSet(StringComparer.Ordinal);
        return old.Where(item => paths.Contains(item.Path)).Sum(item => item.Size);
    }

    private sealed class GcListing
    {
        public Dictionary<string, HashSet<long>> Models { get; } = new(StringComparer.Ordinal);

        /// <summary>The highest revision listed in each model's log.</summary>
        public Dictionary<string, long> LastLogged { get; } = new(StringComparer.Ordinal);

        public List<ObjectInfo> Old { get; } = [];

        /// <summary>Paths of candidate kinds too young to take (few: only what was written within the grace period).</summary>
        public List<string> Young { get; } = [];
    }

    /// <summary>The records and files kept; everything else of those kinds (and every temporary file) is a candidate.</summary>
    private sealed class NamedObjects
    {
        public HashSet<string> Records { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Blobs { get; } = new(StringComparer.Ordinal);

        public static bool IsCandidateKind(string path) =>
            RegistryPaths.BlobDigest(path) is not null || RegistryPaths.RecordKey(path) is not null || RegistryPaths.IsTemporary(path);

        public bool IsCandidate(string path) =>
            (RegistryPaths.BlobDigest(path) is not null && !Blobs.Contains(path))
            || (RegistryPaths.RecordKey(path) is not null && !Records.Contains(path))
            || RegistryPaths.IsTemporary(path);
    }
}
