using ModelRegistry.Manifest;
using ModelRegistry.Metrics;

namespace ModelRegistry.Reports;

/// <summary>A fixed bound on a metric the registry knows: from a stage policy, or applied when the latest version was registered.</summary>
internal sealed record MetricThreshold(string Metric, string Operator, double Bound, string Source)
{
    public string Rule => $"{Metric}{Operator}{Formats.Number(Bound)}";

    /// <summary>The fixed bounds of the stage policies and of the latest version's evaluation, one per rule and source.
    /// A bound relative to a stage moves with its holder and is not drawn.</summary>
    public static IReadOnlyList<MetricThreshold> Of(RegistrySettings settings, VersionRecord? latest)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var policies = settings.Stages
            .Where(stage => settings.Policies.ContainsKey(stage))
            .SelectMany(stage => settings.PolicyFor(stage).Thresholds.Select(ThresholdRule.Parse)
                .Where(rule => rule.BaselineStage is null)
                .Select(rule => new MetricThreshold(rule.Metric, rule.Operator, rule.Offset, $"{stage} policy")));
        var registration = (latest?.Evaluation?.Rules ?? [])
            .Where(rule => rule.Baseline is null && rule.Bound is { } bound && double.IsFinite(bound))
            .Select(rule => new MetricThreshold(rule.Metric, rule.Operator, rule.Bound!.Value, "registration"));
        return [.. policies.Concat(registration).DistinctBy(t => (t.Metric, t.Operator, t.Bound, t.Source))];
    }
}
