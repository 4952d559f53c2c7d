using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using ModelRegistry.Schemas;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>The candidate against the version that holds the stage now, metric by metric, with the rules' verdicts, and
/// schema by schema (<see cref="SchemaCompatibility"/>).</summary>
public sealed record GateComparison(VersionInfo Candidate, VersionInfo? Baseline, string Stage, Verdict Verdict, IReadOnlyList<ComparisonRow> Rows)
{
    public bool Passed => Verdict.Passed;

    /// <summary>The candidate's schema differences from the baseline's; none without a baseline.</summary>
    public IReadOnlyList<SchemaDifference> SchemaDifferences { get; init; } = [];

    /// <summary>The stage policy sets requireCompatibleSchema.</summary>
    public bool RequireCompatibleSchema { get; init; }

    /// <summary>The policy holds this candidate to the baseline's schema (<see cref="StagePolicy.HoldsToSchema"/>): not
    /// when the candidate is the stage's previous holder, which a rollback may put back whatever its schema.</summary>
    public bool HeldToSchema { get; init; }

    /// <summary>Promoting the candidate would be refused with MRB2104 unless a reason allows it. The metrics alone
    /// decide <see cref="Passed"/>: the schema is for the reviewers, and the promotion enforces the policy.</summary>
    public bool SchemaBlocks => HeldToSchema && SchemaDifferences.Any(d => d.Breaking);

    /// <summary>The comparison of <paramref name="candidate"/> with the stage's <paramref name="baseline"/>; the schema
    /// rule is the stage <paramref name="policy"/>'s, with the stage's <paramref name="previousHolder"/> exempt.</summary>
    public static GateComparison Build(VersionInfo candidate, VersionInfo? baseline, string stage, Verdict verdict, StagePolicy? policy = null, int? previousHolder = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(verdict);
        var metrics = candidate.Metrics.Keys
            .Concat(baseline?.Metrics.Keys ?? [])
            .Concat(verdict.Rules.Select(r => r.Metric))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var rows = metrics.Select(metric =>
        {
            double? before = baseline is not null && baseline.Metrics.TryGetValue(metric, out var b) ? b : null;
            double? after = candidate.Metrics.TryGetValue(metric, out var a) ? a : null;
            var rules = verdict.Rules.Where(r => r.Metric == metric).ToList();
            var state = rules.Count == 0 ? ComparisonRow.None
                : rules.Any(r => r.Error is not null) ? ComparisonRow.Error
                : rules.All(r => r.Passed) ? ComparisonRow.Pass
                : ComparisonRow.Fail;
            return new ComparisonRow(metric, before, after, before is not null && after is not null ? after - before : null,
                string.Join(", ", rules.Select(r => r.Rule)), state);
        }).ToList();
        return new GateComparison(candidate, baseline, stage, verdict, rows)
        {
            SchemaDifferences = baseline is null ? [] : SchemaCompatibility.Compare(baseline.Schema, candidate.Schema),
            RequireCompatibleSchema = policy?.RequireCompatibleSchema ?? false,
            HeldToSchema = policy?.HoldsToSchema(candidate.Version, baseline?.Version, previousHolder) ?? false,
        };
    }

    /// <summary>The failed rules in one line, for the commit status and the error.</summary>
    public string FailureSummary =>
        string.Join("; ", Verdict.Rules.Where(r => !r.Passed).Select(r => r.Error is not null ? $"{r.Rule}: {r.Error}"
            : $"{r.Rule}: {Format(r.Actual)} against {Format(r.Bound)}"));

    internal static string Format(double? value) =>
        value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
