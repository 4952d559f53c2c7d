namespace ModelRegistry.Manifest;

/// <summary>
/// The folded log of one model at <see cref="Revision"/>: stage and alias pointers and the next version number.
/// Stored as <c>models/&lt;model&gt;/state.json</c>, a cache that readers complete by probing the log after it.
/// It holds pointers only, never the version list, so it stays small at any history length.
/// </summary>
public sealed record ModelState
{
    /// <summary>Format 2 added <see cref="LastHolders"/> and <see cref="PreviousHolders"/>, format 3 <see cref="Purged"/>,
    /// format 4 <see cref="StageMoves"/>;
    /// an older snapshot is ignored and the log folded from the start, once, by the next reader (the next commit
    /// replaces it), so a purge folded by a version that did not know purges is never trusted.</summary>
    public const int CurrentFormat = 4;

    public int Format { get; init; } = CurrentFormat;

    public required string Model { get; init; }

    public long Revision { get; init; }

    public int LatestVersion { get; init; }

    public DateTimeOffset? Updated { get; init; }

    /// <summary>Single-version stages (Staging, Production, …) and the version each holds.</summary>
    public Dictionary<string, int> Stages { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Versions moved to Archived.</summary>
    public SortedSet<int> Archived { get; init; } = [];

    public Dictionary<string, int> Aliases { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version that entered each single-version stage last, even if it has left it since.</summary>
    public Dictionary<string, int> LastHolders { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version that entered each stage before its last holder: what a rollback puts back, found without
    /// reading history.</summary>
    public Dictionary<string, int> PreviousHolders { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version that entered <paramref name="stage"/> before its last holder; null when none did.</summary>
    public int? PreviousHolderOf(string stage) => PreviousHolders.TryGetValue(stage, out var previous) ? previous : null;

    /// <summary>What a rollback of each stage would put back now: the version that entered it before its holder, while
    /// that holder is still the last to have entered it (as <c>Registry.PlanRollbackAsync</c> decides).</summary>
    public IEnumerable<(string Stage, int Version)> RollbackTargets() =>
        PreviousHolders.Where(p => Stages.TryGetValue(p.Key, out var holder) && LastHolders.TryGetValue(p.Key, out var last) && last == holder)
            .Select(p => (p.Key, p.Value));

    /// <summary>The revision that moved each single-version stage's holder into it: a signed move is checked against it
    /// without reading history (docs/signing.md).</summary>
    public Dictionary<string, long> StageMoves { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Versions whose files retention removed, each with the revision that purged it.</summary>
    public SortedDictionary<int, long> Purged { get; init; } = [];

    /// <summary>Record digests of the versions the pointers name, so resolving a stage needs no index read.</summary>
    public Dictionary<int, string> PointerRecords { get; init; } = [];

    public static ModelState Empty(string model) => new() { Model = model };

    public string StageOf(int version, string noneStage, string archivedStage)
    {
        foreach (var (stage, held) in Stages)
        {
            if (held == version)
            {
                return stage;
            }
        }

        return Archived.Contains(version) ? archivedStage : noneStage;
    }

    public IReadOnlyList<string> AliasesOf(int version) =>
        [.. Aliases.Where(a => a.Value == version).Select(a => a.Key).Order(StringComparer.Ordinal)];
}
