using ModelRegistry.Manifest;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Readers trust the caches: the state snapshot says which version holds Production, and the version, recipe and
    /// label index files say which record a version number, a recipe or a label names (a missing recipe index would
    /// even let the same recipe register twice). So verify checks each cache against the log it was folded from. The
    /// snapshot is read before the log is walked and index files newer than the walk are skipped, so a writer
    /// committing meanwhile is not reported. A model whose log itself is damaged is not compared: the caches would only
    /// repeat that damage.
    /// </summary>
    private sealed class CacheCheck(Registry registry, string key, List<VerifyProblem> problems)
    {
        private readonly Dictionary<int, VersionIndexEntry> versions = [];
        private readonly Dictionary<string, VersionIndexEntry> recipes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, VersionIndexEntry> labels = new(StringComparer.OrdinalIgnoreCase);
        private ModelState? snapshot;
        private ModelState folded = ModelState.Empty(key);
        private ModelState? foldedAtSnapshot;
        private long lastRevision;

        /// <summary>Index files below the snapshot are written again only when the snapshot is gone.</summary>
        private string Repair => $"delete it and {RegistryPaths.State(key)}; readers then fold the log, and the next commit writes both again";

        public async Task ReadSnapshotAsync(CancellationToken cancellationToken)
        {
            var path = RegistryPaths.State(key);
            var stored = await registry.Storage.ReadAsync(path, null, cancellationToken);
            if (stored is null)
            {
                return;
            }

            try
            {
                snapshot = RegistryJson.Deserialize<ModelState>(stored.Content, path);
            }
            catch (RegistryException)
            {
                // Harmless: readers ignore a snapshot they cannot read and fold the log; the next commit rewrites it.
            }
        }

        public void Fold(LogEntry entry)
        {
            folded = StateFolder.Apply(folded, entry, registry.Settings);
            lastRevision = entry.Revision;
            if (snapshot is not null && entry.Revision == snapshot.Revision)
            {
                foldedAtSnapshot = folded;
            }

            if (entry is { Operation: Operation.Register, Version: { } version, Record: { } record, Recipe: { } recipe })
            {
                var index = new VersionIndexEntry(version, record, recipe, entry.Revision, entry.Time, entry.Label);
                versions[version] = index;
                recipes[recipe] = index;
                if (entry.Label is not null)
                {
                    labels[entry.Label] = index;
                }
            }
        }

        public async Task CheckAsync(CancellationToken cancellationToken)
        {
            CheckSnapshot();
            await CheckIndexFolderAsync(RegistryPaths.VersionFolder(key), "version", e => versions.GetValueOrDefault(e.Version), cancellationToken);
            await CheckIndexFolderAsync($"{RegistryPaths.Model(key)}recipes/", "recipe", e => recipes.GetValueOrDefault(e.Recipe), cancellationToken);
            await CheckIndexFolderAsync($"{RegistryPaths.Model(key)}labels/", "label", e => e.Label is null ? null : labels.GetValueOrDefault(e.Label), cancellationToken);

            // Readers find a recipe or a label below the snapshot only through its index file.
            var covered = snapshot is not null && foldedAtSnapshot is not null ? snapshot.Revision : 0;
            foreach (var index in recipes.Values.Where(i => i.Revision <= covered))
            {
                await CheckPresentAsync(RegistryPaths.RecipeIndex(key, index.Recipe), cancellationToken);
            }

            foreach (var index in labels.Values.Where(i => i.Revision <= covered))
            {
                await CheckPresentAsync(RegistryPaths.LabelIndex(key, index.Label!), cancellationToken);
            }
        }

        private void CheckSnapshot()
        {
            if (snapshot is null)
            {
                return;
            }

            var path = RegistryPaths.State(key);
            if (foldedAtSnapshot is null)
            {
                problems.Add(new VerifyProblem(path, $"says revision {snapshot.Revision}, but the log ends at revision {lastRevision}"));
                return;
            }

            var expected = foldedAtSnapshot;
            var differences = new List<string>();
            if (snapshot.LatestVersion != expected.LatestVersion)
            {
                differences.Add($"latest version {snapshot.LatestVersion} where the log says {expected.LatestVersion}");
            }

            differences.AddRange(Differences("stage", snapshot.Stages, expected.Stages));
            differences.AddRange(Differences("alias", snapshot.Aliases, expected.Aliases));
            if (!snapshot.Archived.SetEquals(expected.Archived))
            {
                differences.Add($"archived versions [{string.Join(", ", snapshot.Archived)}] where the log says [{string.Join(", ", expected.Archived)}]");
            }

            foreach (var (version, record) in snapshot.PointerRecords)
            {
                if (expected.PointerRecords.TryGetValue(version, out var truth) ? truth != record : versions.GetValueOrDefault(version)?.Record != record)
                {
                    differences.Add($"version {version} is record {record}, which the log does not say");
                }
            }

            if (differences.Count > 0)
            {
                problems.Add(new VerifyProblem(path, $"does not match the log at revision {snapshot.Revision}: {string.Join("; ", differences)} (readers trust it: delete it; readers then fold the log, and the next commit writes it again)"));
            }
        }

        private static IEnumerable<string> Differences(string what, Dictionary<string, int> stored, Dictionary<string, int> truth)
        {
            foreach (var name in stored.Keys.Union(truth.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            {
                var (has, value) = (stored.TryGetValue(name, out var s), s);
                var (should, expected) = (truth.TryGetValue(name, out var t), t);
                if (has != should || value != expected)
                {
                    yield return $"{what} {name} {(has ? $"holds version {value}" : "is empty")} where the log says {(should ? $"version {expected}" : "none")}";
                }
            }
        }

        private async Task CheckIndexFolderAsync(string folder, string kind, Func<VersionIndexEntry, VersionIndexEntry?> truthOf, CancellationToken cancellationToken)
        {
            await foreach (var item in registry.Storage.ListAsync(folder, cancellationToken))
            {
                var stored = await registry.Storage.ReadAsync(item.Path, null, cancellationToken);
                if (stored is null)
                {
                    continue;
                }

                VersionIndexEntry index;
                try
                {
                    index = RegistryJson.Deserialize<VersionIndexEntry>(stored.Content, item.Path);
                }
                catch (RegistryException)
                {
                    problems.Add(new VerifyProblem(item.Path, $"is not a readable {kind} index entry (a cache readers trust: {Repair})"));
                    continue;
                }

                if (index.Revision > lastRevision)
                {
                    continue;
                }

                var truth = truthOf(index);
                if (truth is null || truth != index || !SameName(item.Path, kind, index))
                {
                    problems.Add(new VerifyProblem(item.Path, truth is null
                        ? $"names version {index.Version} (record {index.Record}), which no revision registered under this {kind}: {Repair}"
                        : $"names version {index.Version} (record {index.Record}) where revision {truth.Revision} registered version {truth.Version} (record {truth.Record}): {Repair}"));
                }
            }
        }

        /// <summary>An index file is named for what it indexes; a copy under another name would answer for the wrong key.</summary>
        private bool SameName(string path, string kind, VersionIndexEntry index) => kind switch
        {
            "version" => path == RegistryPaths.VersionIndex(key, index.Version),
            "recipe" => path == RegistryPaths.RecipeIndex(key, index.Recipe),
            _ => index.Label is not null && path == RegistryPaths.LabelIndex(key, index.Label),
        };

        private async Task CheckPresentAsync(string path, CancellationToken cancellationToken)
        {
            if (await registry.Storage.GetInfoAsync(path, cancellationToken) is null)
            {
                problems.Add(new VerifyProblem(path, $"is missing below the state snapshot, where readers rely on it (the same recipe or label could be registered twice): delete {RegistryPaths.State(key)}; readers then fold the log, and the next commit writes every index file again"));
            }
        }
    }
}
