using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Signing;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Checks the whole registry: every revision parses, carries its own number and follows the one before; every
    /// version number is assigned once and in order; every record a revision names exists and hashes to its name;
    /// every file a record names exists with the recorded size and digest; every cache readers trust agrees with the
    /// log (see <see cref="CacheCheck"/>); every stored signature verifies under its key and signs exactly what it names
    /// (see <see cref="CheckSignaturesAsync"/>). Reports every problem, never stops at the first.
    /// </summary>
    public async Task<VerifyReport> VerifyAsync(bool hashFiles = true, CancellationToken cancellationToken = default)
    {
        var problems = new List<VerifyProblem>();
        long revisions = 0;
        int versions = 0;
        var signatures = 0;
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        var models = await ListModelKeysAsync(problems, cancellationToken);
        foreach (var (key, model) in models)
        {
            var caches = new CacheCheck(this, key, problems);
            await caches.ReadSnapshotAsync(cancellationToken);
            var problemsBefore = problems.Count;
            var expectedVersion = 1;

            // Files of versions retention purged are gone on purpose: only the others must be stored.
            var versionFiles = new Dictionary<int, IReadOnlyList<Content.ArtifactFile>>();
            var versionRecords = new Dictionary<int, string>();
            var purged = new HashSet<int>();
            for (var revision = 1L; ; revision++)
            {
                LogEntry? entry;
                try
                {
                    entry = await Log.ReadEntryAsync(key, revision, cancellationToken);
                }
                catch (RegistryException e)
                {
                    problems.Add(new VerifyProblem(RegistryPaths.Log(key, revision), e.Message));
                    continue;
                }

                if (entry is null)
                {
                    await CheckNothingFollowsAsync(key, revision, problems, cancellationToken);
                    break;
                }

                revisions++;
                caches.Fold(entry);
                if (entry.Operation == Operation.Purge)
                {
                    purged.UnionWith(entry.Versions ?? []);
                    if (entry.Versions?.FirstOrDefault(v => v < 1 || v >= expectedVersion) is { } unknown and not 0)
                    {
                        problems.Add(new VerifyProblem(RegistryPaths.Log(key, revision), $"purges version {unknown}, which no earlier revision registered"));
                    }
                }
                else if (entry.Operation == Operation.Restore && entry.Version is { } restored)
                {
                    purged.Remove(restored);
                }

                if (entry.Operation != Operation.Register)
                {
                    if (entry.Version is { } named && (named < 1 || named >= expectedVersion))
                    {
                        problems.Add(new VerifyProblem(RegistryPaths.Log(key, revision), $"names version {named}, which no earlier revision registered"));
                    }

                    continue;
                }

                if (entry.Version != expectedVersion)
                {
                    problems.Add(new VerifyProblem(RegistryPaths.Log(key, revision), $"registers version {entry.Version} where {expectedVersion} is next"));
                }

                expectedVersion = (entry.Version ?? expectedVersion) + 1;
                versions++;
                try
                {
                    var record = await ReadRecordAsync(model, entry.Record ?? "", useCache: false, cancellationToken);
                    versionFiles[entry.Version ?? 0] = record.Files;
                    versionRecords[entry.Version ?? 0] = entry.Record ?? "";
                }
                catch (RegistryException e)
                {
                    problems.Add(new VerifyProblem(RegistryPaths.Record(key, entry.Record ?? ""), e.Message));
                }
            }

            foreach (var file in versionFiles.Where(v => !purged.Contains(v.Key)).SelectMany(v => v.Value))
            {
                files.TryAdd(file.Digest, file.Size);
            }

            if (problems.Count == problemsBefore)
            {
                await caches.CheckAsync(cancellationToken);
            }

            signatures += await CheckSignaturesAsync(key, model, versionFiles, versionRecords, problems, cancellationToken);
        }

        foreach (var (digest, size) in files)
        {
            var problem = hashFiles
                ? await Blobs.CheckAsync(digest, size, cancellationToken)
                : await Storage.GetInfoAsync(RegistryPaths.Blob(digest), cancellationToken) is { } info ? (info.Size == size ? null : $"holds {info.Size} bytes, {size} expected") : "missing";
            if (problem is not null)
            {
                problems.Add(new VerifyProblem(RegistryPaths.Blob(digest), problem));
            }
        }

        return new VerifyReport(models.Count, revisions, versions, files.Count, problems) { Signatures = signatures };
    }

    /// <summary>Checks every signature stored for a model against the key its path names (stored in the registry) and
    /// the version or move it signs; a signature of a version or revision that does not exist is a problem too.</summary>
    private async Task<int> CheckSignaturesAsync(string key, string model, Dictionary<int, IReadOnlyList<Content.ArtifactFile>> versionFiles, Dictionary<int, string> versionRecords, List<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        var count = 0;
        using var checker = new SignatureChecker(this, null);
        await foreach (var item in Storage.ListAsync(RegistryPaths.SignatureFolder(key), cancellationToken))
        {
            count++;
            if (RegistryPaths.SignaturePath(item.Path) is not { } named || !versionRecords.TryGetValue(named.Version, out var digest))
            {
                problems.Add(new VerifyProblem(item.Path, "is not a signature of a version this model registered"));
                continue;
            }

            var version = new VersionInfo { Model = model, Version = named.Version, Digest = digest, Stage = "", Aliases = [], Files = versionFiles[named.Version] };
            StageMove? move = null;
            try
            {
                move = named.Revision is { } revision ? StageMoveStatement.MoveOf(await Log.ReadEntryAsync(key, revision, cancellationToken), named.Version) : null;
            }
            catch (RegistryException)
            {
                // A damaged revision is reported by the log check above; its signature then names no move it can sign.
            }

            var entry = await checker.CheckAsync(item.Path, version, named.Revision, move, cancellationToken);
            if (!entry.Valid)
            {
                problems.Add(new VerifyProblem(item.Path, $"is not a valid signature: {entry.Problem}"));
            }
        }

        return count;
    }

    /// <summary>Every model named in the index or found by its log, by storage key; a damaged or missing index entry is
    /// a problem, and its model is still checked.</summary>
    private async Task<IReadOnlyList<(string Key, string Model)>> ListModelKeysAsync(List<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        var models = new List<(string Key, string Model)>();
        await foreach (var item in Storage.ListAsync(RegistryPaths.ModelIndex, cancellationToken))
        {
            var key = Path.GetFileNameWithoutExtension(item.Path);
            if (!Naming.ModelName.IsValid(key) || item.Path != RegistryPaths.ModelEntry(key))
            {
                problems.Add(new VerifyProblem(item.Path, "is not a model index entry: its name is not a model's storage key"));
                continue;
            }

            try
            {
                var stored = await Storage.ReadAsync(item.Path, null, cancellationToken);
                if (stored is not null)
                {
                    models.Add((key, RegistryJson.Deserialize<ModelIndexEntry>(stored.Content, item.Path).Model));
                }
            }
            catch (RegistryException)
            {
                problems.Add(new VerifyProblem(item.Path, "is not a readable model index entry (it gives the model's display name; 'list' fails until it is restored)"));
                models.Add((key, key));
            }
        }

        // The logs are the truth: a model whose index entry is gone is still checked, and the loss is reported.
        var indexed = models.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var logged = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in Storage.ListAsync("models/", cancellationToken))
        {
            if (RegistryPaths.LogKey(item.Path) is { } key && logged.Add(key) && !indexed.Contains(key))
            {
                var first = await Log.ReadEntryAsync(key, 1, cancellationToken);
                problems.Add(new VerifyProblem(RegistryPaths.ModelEntry(key), "is missing although the model has a log: 'list' does not show the model; registering a new version of it restores the entry"));
                models.Add((key, first?.Model ?? key));
            }
        }

        return [.. models.OrderBy(m => m.Key, StringComparer.Ordinal)];
    }

    /// <summary>Readers stop at the first missing revision, so a gap hides every later one: it is a problem even
    /// though each entry that remains parses.</summary>
    private async Task CheckNothingFollowsAsync(string key, long missing, List<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        long last = 0;
        await foreach (var item in Storage.ListAsync(RegistryPaths.LogFolder(key), cancellationToken))
        {
            last = Math.Max(last, RegistryPaths.LogRevision(item.Path) ?? 0);
        }

        if (last > missing)
        {
            problems.Add(new VerifyProblem(RegistryPaths.Log(key, missing), $"is missing, yet revisions up to {last} follow it and no reader sees them"));
        }
    }
}
