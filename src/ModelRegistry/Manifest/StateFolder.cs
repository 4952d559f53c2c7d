using ModelRegistry.Policies;

namespace ModelRegistry.Manifest;

/// <summary>The one definition of what a revision does to a model's state; every reader folds with it.</summary>
public static class StateFolder
{
    public static ModelState Apply(ModelState state, LogEntry entry, RegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var stages = new Dictionary<string, int>(state.Stages, StringComparer.OrdinalIgnoreCase);
        var archived = new SortedSet<int>(state.Archived);
        var aliases = new Dictionary<string, int>(state.Aliases, StringComparer.OrdinalIgnoreCase);
        var lastHolders = new Dictionary<string, int>(state.LastHolders, StringComparer.OrdinalIgnoreCase);
        var previousHolders = new Dictionary<string, int>(state.PreviousHolders, StringComparer.OrdinalIgnoreCase);
        var stageMoves = new Dictionary<string, long>(state.StageMoves, StringComparer.OrdinalIgnoreCase);
        var pointerRecords = new Dictionary<int, string>(state.PointerRecords);
        var purged = new SortedDictionary<int, long>(state.Purged);
        var latest = state.LatestVersion;
        if (entry.Record is not null && entry.Version is { } named)
        {
            pointerRecords[named] = entry.Record;
        }

        switch (entry.Operation)
        {
            case Operation.Register:
                latest = Math.Max(latest, entry.Version ?? 0);
                break;
            case Operation.Stage when entry.Version is { } version && entry.Stage is { } stage:
                foreach (var held in stages.Where(s => s.Value == version).Select(s => s.Key).ToList())
                {
                    stages.Remove(held);
                    stageMoves.Remove(held);
                }

                archived.Remove(version);
                if (stage.Equals(RegistrySettings.Archived, StringComparison.OrdinalIgnoreCase))
                {
                    archived.Add(version);
                }
                else if (RegistrySettings.IsPointerStage(stage))
                {
                    if (entry.Displaced is { } displaced && displaced != version
                        && string.Equals(entry.DisplacedTo, RegistrySettings.Archived, StringComparison.OrdinalIgnoreCase))
                    {
                        archived.Add(displaced);
                    }

                    var pointer = settings.FindStage(stage) ?? stage;
                    stages[pointer] = version;
                    stageMoves[pointer] = entry.Revision;
                    if (lastHolders.TryGetValue(pointer, out var last) && last != version)
                    {
                        previousHolders[pointer] = last;
                    }

                    lastHolders[pointer] = version;
                }

                break;
            case Operation.AliasSet when entry.Alias is { } alias && entry.Version is { } target:
                aliases[alias] = target;
                break;
            case Operation.AliasRemove when entry.Alias is { } removed:
                aliases.Remove(removed);
                break;
            case Operation.Purge when entry.Versions is { } gone:
                foreach (var version in gone)
                {
                    purged[version] = entry.Revision;
                }

                break;
            case Operation.Restore when entry.Version is { } restored:
                purged.Remove(restored);
                break;
        }

        // Only the records of versions a pointer or the latest number names are kept, so the state stays small.
        var kept = new HashSet<int>(stages.Values.Concat(aliases.Values).Concat(previousHolders.Values)) { latest };
        foreach (var version in pointerRecords.Keys.Where(v => !kept.Contains(v)).ToList())
        {
            pointerRecords.Remove(version);
        }

        return state with
        {
            Model = state.Revision == 0 ? entry.Model : state.Model,
            Revision = entry.Revision,
            LatestVersion = latest,
            Updated = entry.Time,
            Stages = stages,
            Archived = archived,
            Aliases = aliases,
            LastHolders = lastHolders,
            PreviousHolders = previousHolders,
            StageMoves = stageMoves,
            PointerRecords = pointerRecords,
            Purged = purged,
        };
    }
}
