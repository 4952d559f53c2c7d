using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Retention;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>The retention policy in force (its latest revision), or null when none was ever set: keep everything.</summary>
    public async Task<RetentionRevision?> ReadRetentionAsync(CancellationToken cancellationToken = default)
    {
        long latest = 0;
        await foreach (var item in Storage.ListAsync(RegistryPaths.Retention, cancellationToken))
        {
            if (RetentionRevisionNumber(item.Path) is { } revision)
            {
                latest = Math.Max(latest, revision);
            }
        }

        // Revisions created after the listing are found by probing, as a model's log is read.
        RetentionRevision? current = null;
        for (var revision = Math.Max(latest, 1); await ReadRetentionRevisionAsync(revision, cancellationToken) is { } found; revision++)
        {
            current = found;
        }

        return current;
    }

    /// <summary>Every revision of the retention policy, oldest first.</summary>
    public async Task<IReadOnlyList<RetentionRevision>> RetentionHistoryAsync(CancellationToken cancellationToken = default)
    {
        var revisions = new List<RetentionRevision>();
        for (var revision = 1L; await ReadRetentionRevisionAsync(revision, cancellationToken) is { } found; revision++)
        {
            revisions.Add(found);
        }

        return revisions;
    }

    /// <summary>
    /// Changes the retention policy by committing its next revision (create-only, like a model's log): a writer that
    /// loses the race reads the winner's revision and applies its change on top, so no change is lost.
    /// </summary>
    public async Task<RetentionRevision> SetRetentionAsync(RetentionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Policy.Validate();
        foreach (var policy in change.Replace?.Models.Values.Select(m => m.Policy).Append(change.Replace.Default).OfType<RetentionPolicy>() ?? [])
        {
            policy.Validate();
        }

        string? key = null;
        if (change.Model is not null)
        {
            ModelName.Validate(change.Model);
            key = KeyOf(change.Model);
        }

        await EnsureCreatedAsync(cancellationToken);
        var writeId = Guid.NewGuid().ToString("N");
        var actor = Actor(change.Actor);
        for (var attempt = 1; attempt <= 100; attempt++)
        {
            var current = await ReadRetentionAsync(cancellationToken);
            var next = Apply(current, change, key) with
            {
                Revision = (current?.Revision ?? 0) + 1,
                WriteId = writeId,
                Time = Clock.GetUtcNow(),
                Actor = actor,
                Reason = change.Reason,
                Model = change.Model,
            };
            var path = RegistryPaths.RetentionRevision(next.Revision);
            try
            {
                if (await Storage.CreateAsync(path, RegistryJson.Serialize(next), cancellationToken) == CreateOutcome.Created)
                {
                    return next;
                }
            }
            catch (StorageOutcomeUnknownException)
            {
                // Read back below: our own write id means it landed.
            }

            var landed = await ReadRetentionRevisionAsync(next.Revision, cancellationToken) ?? throw Errors.OutcomeUnknown("changing the retention policy", path);
            if (landed.WriteId == writeId)
            {
                return landed;
            }

            await Task.Delay(Random.Shared.Next(1, 20 * attempt), cancellationToken);
        }

        throw Errors.CommitContention(RegistryPaths.Retention, 100);
    }

    private static RetentionRevision Apply(RetentionRevision? current, RetentionChange change, string? key)
    {
        if (change.Replace is { } replacement)
        {
            return replacement;
        }

        var models = new Dictionary<string, ModelRetention>(current?.Models ?? [], StringComparer.Ordinal);
        var defaults = current?.Default;
        if (key is null)
        {
            defaults = change.Clear ? null : change.Policy.Over(defaults);
        }
        else if (change.Clear)
        {
            models.Remove(key);
        }
        else
        {
            var own = models.TryGetValue(key, out var existing) ? change.Policy.Over(existing.Policy) : change.Policy;
            models[key] = new ModelRetention(change.Model!, own);
        }

        return new RetentionRevision { Revision = 0, WriteId = "", Time = default, Actor = "", Default = defaults, Models = models };
    }

    private async Task<RetentionRevision?> ReadRetentionRevisionAsync(long revision, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.RetentionRevision(revision);
        var stored = await Storage.ReadAsync(path, null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var found = RegistryJson.Deserialize<RetentionRevision>(stored.Content, path);
        return found.Revision == revision ? found : throw Errors.CorruptEntry(path, $"it says revision {found.Revision}");
    }

    private static long? RetentionRevisionNumber(string path) =>
        path.Split('/') is ["retention", { Length: 25 } file] && file.EndsWith(".json", StringComparison.Ordinal)
            && long.TryParse(file[..20], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;
}
