using ModelRegistry.Manifest;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>What garbage collection found (and removed, unless it was a dry run). <paramref name="Unnamed"/> are the
/// files found unnamed and old enough; with --apply, <paramref name="Spared"/> of them were refreshed or named by a
/// writer while gc ran and stayed.</summary>
public sealed record GcReport(bool DryRun, TimeSpan Grace, IReadOnlyList<ObjectInfo> Unnamed, long Bytes, int Kept, int Spared = 0);

public sealed partial class Registry
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    /// <summary>The shortest grace period gc accepts: a registration uploads its files before the commit that names
    /// them, and on a slow link that takes minutes; an hour leaves a wide margin.</summary>
    public static readonly TimeSpan MinimumGrace = TimeSpan.FromHours(1);

    /// <summary>The clock gc measures ages with; tests move it forward instead of shrinking the grace period.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Finds files and records no revision names (left by interrupted registrations) that are older than the grace
    /// period, and removes them unless <paramref name="dryRun"/>. Nothing a revision names is ever removed:
    /// <list type="bullet">
    /// <item>models are found from the log files themselves, not from the model index (which only lists names);</item>
    /// <item>paths are matched segment by segment against the layout, so nothing else (a model called "records",
    /// a folder someone keeps beside the registry) is ever taken for an orphan;</item>
    /// <item>a writer that reuses an old file refreshes it before its commit, and each deletion is conditional on the
    /// file being exactly as gc saw it, so a file refreshed after gc looked stays;</item>
    /// <item>just before deleting, gc reads the revisions committed while it ran and keeps what they name.</item>
    /// </list>
    /// </summary>
    public async Task<GcReport> CollectGarbageAsync(TimeSpan grace, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (grace < MinimumGrace)
        {
            throw Errors.Errors.GraceTooShort(grace, MinimumGrace);
        }

        var cutoff = Clock.GetUtcNow() - grace;
        var named = new NamedObjects();
        var logs = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var item in Storage.ListAsync("models/", cancellationToken))
        {
            if (RegistryPaths.LogKey(item.Path) is { } key)
            {
                logs.TryAdd(key, 0);
            }
        }

        foreach (var key in logs.Keys.ToList())
        {
            logs[key] = await NameWhatTheLogNamesAsync(key, 1, named, cancellationToken);
        }

        var unnamed = new List<ObjectInfo>();
        var kept = 0;
        await foreach (var item in Storage.ListAsync("", cancellationToken))
        {
            if (!named.IsCandidate(item.Path))
            {
                continue;
            }

            if (item.LastModified > cutoff)
            {
                kept++;
                continue;
            }

            unnamed.Add(item);
        }

        if (dryRun || unnamed.Count == 0)
        {
            return new GcReport(dryRun, grace, unnamed, unnamed.Sum(u => u.Size), kept);
        }

        var removed = new List<ObjectInfo>();
        var spared = 0;

        // Revisions committed while gc listed may name some of the candidates: read them just before deleting.
        foreach (var (key, last) in logs.ToList())
        {
            logs[key] = await NameWhatTheLogNamesAsync(key, last + 1, named, cancellationToken);
        }

        foreach (var item in unnamed)
        {
            if (named.IsCandidate(item.Path) && await Storage.DeleteIfUnchangedAsync(item, cancellationToken))
            {
                removed.Add(item);
            }
            else
            {
                spared++;
            }
        }

        return new GcReport(dryRun, grace, removed, removed.Sum(u => u.Size), kept, spared);
    }

    /// <summary>Reads a model's log from <paramref name="from"/> on and adds the records and files its registrations
    /// name. Returns the last revision read.</summary>
    private async Task<long> NameWhatTheLogNamesAsync(string key, long from, NamedObjects named, CancellationToken cancellationToken)
    {
        var revision = from;
        for (; await Log.ReadEntryAsync(key, revision, cancellationToken) is { } entry; revision++)
        {
            if (entry.Operation == Operation.Register && entry.Record is not null && named.Records.Add(RegistryPaths.Record(key, entry.Record)))
            {
                foreach (var file in (await ReadRecordAsync(entry.Model, entry.Record, cancellationToken)).Files)
                {
                    named.Blobs.Add(RegistryPaths.Blob(file.Digest));
                }
            }
        }

        return revision - 1;
    }

    /// <summary>The records and files some revision names; everything else of those kinds is a candidate for gc.</summary>
    private sealed class NamedObjects
    {
        public HashSet<string> Records { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Blobs { get; } = new(StringComparer.Ordinal);

        public bool IsCandidate(string path) =>
            (RegistryPaths.BlobDigest(path) is not null && !Blobs.Contains(path))
            || (RegistryPaths.RecordKey(path) is not null && !Records.Contains(path))
            || RegistryPaths.IsTemporary(path);
    }
}
