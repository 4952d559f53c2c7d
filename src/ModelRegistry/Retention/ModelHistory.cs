using ModelRegistry.Content;
using ModelRegistry.Manifest;

namespace ModelRegistry.Retention;

/// <summary>One registered version as retention sees it: when it came, its label and the files it names.</summary>
public sealed record VersionFacts(int Version, string Record, DateTimeOffset Registered, string? Label, IReadOnlyList<ArtifactFile> Files);

/// <summary>
/// A model's log folded for retention: every version with its files, the state (pointers, purges) and, for every
/// version that ever held a single-version stage, when it last left one (null while it still holds one). Built from
/// log summaries and the revisions after them; it holds the names the log holds and nothing else.
/// </summary>
public sealed class ModelHistory
{
    private readonly RegistrySettings settings;
    private readonly Dictionary<string, (int Version, DateTimeOffset Since)> holders = new(StringComparer.OrdinalIgnoreCase);

    public ModelHistory(string key, RegistrySettings settings)
    {
        Key = key;
        this.settings = settings;
        State = ModelState.Empty(key);
    }

    public string Key { get; }

    public string Model => State.Model;

    public ModelState State { get; private set; }

    public long Revision => State.Revision;

    public SortedDictionary<int, VersionFacts> Versions { get; } = [];

    /// <summary>For each version that ever held a single-version stage: when it last left one, or null if it holds one now.</summary>
    public Dictionary<int, DateTimeOffset?> LeftStage { get; } = [];

    /// <summary>Folds one revision; <paramref name="files"/> are the files of its record when it registers a version.</summary>
    public void Apply(LogEntry entry, IReadOnlyList<ArtifactFile>? files)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Revision != State.Revision + 1)
        {
            throw Errors.CorruptEntry(RegistryPaths.Log(Key, entry.Revision), $"it follows revision {State.Revision}");
        }

        if (entry.Operation == Operation.Register && entry.Version is { } version && entry.Record is { } record)
        {
            Versions[version] = new VersionFacts(version, record, entry.Time, entry.Label, files ?? []);
        }

        if (entry.Operation == Operation.Stage && entry.Version is { } moved && entry.Stage is { } stage)
        {
            // The version leaves whatever stage it held; entering a single-version stage displaces its holder.
            foreach (var (held, holder) in holders.Where(h => h.Value.Version == moved).ToList())
            {
                holders.Remove(held);
                LeftStage[moved] = entry.Time;
            }

            if (RegistrySettings.IsPointerStage(stage))
            {
                var pointer = settings.FindStage(stage) ?? stage;
                if (holders.TryGetValue(pointer, out var displaced))
                {
                    LeftStage[displaced.Version] = entry.Time;
                }

                holders[pointer] = (moved, entry.Time);
                LeftStage[moved] = null;
            }
        }

        State = StateFolder.Apply(State, entry, settings);
    }
}
