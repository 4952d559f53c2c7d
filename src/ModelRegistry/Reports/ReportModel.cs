using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>
/// Everything the report shows about one model, read once: its folded state, every revision up to it and every
/// version with its record. All pages of the model are made from this.
/// </summary>
internal sealed record ReportModel(ModelView View, IReadOnlyList<LogEntry> History, IReadOnlyList<ReportVersion> Versions, IReadOnlyList<MetricThreshold> Thresholds)
{
    public string Name => View.Model;

    public ReportVersion? Version(int number) => ByNumber.GetValueOrDefault(number);

    private Dictionary<int, ReportVersion> ByNumber { get; } = Versions.ToDictionary(v => v.Number);

    public int? Holder(string stage) => View.State.Stages.TryGetValue(stage, out var held) ? held : null;

    /// <summary>Every metric any version has, in ordinal order.</summary>
    public IReadOnlyList<string> MetricNames { get; } = [.. Versions.SelectMany(v => v.Info.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The metric the index trends: the first one a Production threshold names, else the first of the latest version.</summary>
    public string? MainMetric =>
        Thresholds.Select(t => t.Metric).FirstOrDefault(m => MetricNames.Contains(m, StringComparer.Ordinal))
        ?? (Versions.Count == 0 ? null : Versions[^1].Info.Metrics.Keys.Order(StringComparer.Ordinal).FirstOrDefault());

    /// <summary>The revisions that moved a version between stages, oldest first.</summary>
    public IEnumerable<LogEntry> StageMoves => History.Where(e => e.Operation is Operation.Stage or Operation.PromotionRequested or Operation.PromotionRejected);

    /// <summary>When the Production pointer last moved (into or out of it), if ever.</summary>
    public DateTimeOffset? ProductionMoved => History.LastOrDefault(e => e.Operation == Operation.Stage
        && (IsProduction(e.Stage) || IsProduction(e.FromStage) || IsProduction(e.DisplacedTo)))?.Time;

    /// <summary>A stage move is a rollback when it puts back a version older than the one it displaces, which held the stage before.</summary>
    public bool IsRollback(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Operation == Operation.Stage && entry.Displaced is { } displaced && entry.Version < displaced
            && History.Any(e => e.Revision < entry.Revision && e.Operation == Operation.Stage && e.Version == entry.Version
                && string.Equals(e.Stage, entry.Stage, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsProduction(string? stage) => string.Equals(stage, RegistrySettings.Production, StringComparison.OrdinalIgnoreCase);
}
