using Microsoft.Build.Framework;

namespace ModelRegistry.Build.Registration;

/// <summary>
/// Turns MetricThreshold items into the tool's rule syntax: <c>Minimum="0.90"</c> is <c>auc&gt;=0.90</c>,
/// <c>Maximum="50"</c> is <c>latency_p95_ms&lt;=50</c>, and <c>RelativeTo="Production" Tolerance="0.005"</c> is
/// <c>auc&gt;=Production-0.005</c> (or <c>&lt;=Production+0.005</c> with <c>LowerIsBetter="true"</c>).
/// Bounds pass through as written; the tool checks them, so every face accepts the same rules.
/// </summary>
internal static class ThresholdRules
{
    public static IReadOnlyList<string> From(ITaskItem threshold)
    {
        var metric = threshold.ItemSpec.Trim();
        var minimum = threshold.GetMetadata("Minimum").Trim();
        var maximum = threshold.GetMetadata("Maximum").Trim();
        var relativeTo = threshold.GetMetadata("RelativeTo").Trim();
        var tolerance = threshold.GetMetadata("Tolerance").Trim();
        var lowerIsBetter = string.Equals(threshold.GetMetadata("LowerIsBetter").Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (metric.Length == 0)
        {
            throw BuildErrors.InvalidMetricThreshold(metric, "the item names no metric");
        }

        var rules = new List<string>();
        if (minimum.Length > 0)
        {
            rules.Add($"{metric}>={minimum}");
        }

        if (maximum.Length > 0)
        {
            rules.Add($"{metric}<={maximum}");
        }

        if (relativeTo.Length > 0)
        {
            if (tolerance.StartsWith('-') || tolerance.StartsWith('+'))
            {
                throw BuildErrors.InvalidMetricThreshold(metric, "Tolerance is a distance: write it without a sign");
            }

            var slack = tolerance.Length == 0 ? "" : (lowerIsBetter ? "+" : "-") + tolerance;
            rules.Add($"{metric}{(lowerIsBetter ? "<=" : ">=")}{relativeTo}{slack}");
        }
        else if (tolerance.Length > 0)
        {
            throw BuildErrors.InvalidMetricThreshold(metric, "Tolerance needs RelativeTo");
        }

        return rules.Count > 0 ? rules : throw BuildErrors.InvalidMetricThreshold(metric, "it has no bound");
    }
}
