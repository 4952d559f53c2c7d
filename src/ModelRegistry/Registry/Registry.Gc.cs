using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>What garbage collection found (and removed, unless it was a dry run).</summary>
public sealed record GcReport(bool DryRun, TimeSpan Grace, IReadOnlyList<ObjectInfo> Unnamed, long Bytes, int Kept);

public sealed partial class Registry
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    /// <summary>
    /// Finds files and records no revision names (left by interrupted registrations) that are older than the grace
    /// period, and removes them unless <paramref name="dryRun"/>. The grace period protects registrations in flight,
    /// which upload before they commit; a registration that deduplicated against a file removed meanwhile puts it back
    /// after its commit. Nothing a revision names is ever removed.
    /// </summary>
    public async Task<GcReport> CollectGarbageAsync(TimeSpan grace, bool dryRun, CancellationToken cancellationToken = default)
    {
        var cutoff = DateTimeOffset.UtcNow - grace;
        var namedBlobs = new HashSet<string>(StringComparer.Ordinal);
        var namedRecords = new HashSet<string>(StringComparer.Ordinal);
        var unregisteredModels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in await ListModelsAsync(cancellationToken))
        {
            var key = KeyOf(model);
            if (await Storage.GetInfoAsync(RegistryPaths.Log(key, 1), cancellationToken) is null)
            {
                // A first registration interrupted before its commit: the model's name is listed with no version.
                unregisteredModels.Add(RegistryPaths.ModelEntry(key));
            }

            for (var revision = 1L; await Log.ReadEntryAsync(key, revision, cancellationToken) is { } entry; revision++)
            {
                if (entry.Operation == Operation.Register && entry.Record is not null && namedRecords.Add(RegistryPaths.Record(key, entry.Record)))
                {
                    foreach (var file in (await ReadRecordAsync(model, entry.Record, cancellationToken)).Files)
                    {
                        namedBlobs.Add(RegistryPaths.Blob(file.Digest));
                    }
                }
            }
        }

        var unnamed = new List<ObjectInfo>();
        var kept = 0;
        await foreach (var item in Storage.ListAsync("", cancellationToken))
        {
            var candidate = (item.Path.StartsWith(RegistryPaths.Blobs, StringComparison.Ordinal) && !namedBlobs.Contains(item.Path))
                || (item.Path.Contains("/records/", StringComparison.Ordinal) && !namedRecords.Contains(item.Path))
                || item.Path.StartsWith(".tmp/", StringComparison.Ordinal)
                || unregisteredModels.Contains(item.Path);
            if (!candidate)
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

        if (!dryRun)
        {
            foreach (var item in unnamed)
            {
                await Storage.DeleteAsync(item.Path, cancellationToken);
            }
        }

        return new GcReport(dryRun, grace, unnamed, unnamed.Sum(u => u.Size), kept);
    }
}
