
namespace ModelRegistry.Metrics;

/// <summary>The metrics of the version a relative rule compares with.</summary>
public sealed record Baseline(string Description, MetricsDocument Metrics);

/// <summary>
/// Evaluates every rule against a metrics document and reports each one; nothing short-circuits, so a build can show
/// every failed rule at once. A missing metric, NaN or infinity is an error, never a pass. A rule relative to a stage
/// that holds no version yet passes with a note: the first model of a registry has nothing to be compared with.
/// </summary>
public static class ThresholdEvaluator
{
    public static Verdict Evaluate(MetricsDocument metrics, IEnumerable<ThresholdRule> rules, Func<string, Baseline?> baselineOf)
    {
        var verdicts = rules.Select(rule => EvaluateOne(metrics, rule, baselineOf)).ToList();
        return new Verdict(verdicts.All(v => v.Passed), verdicts);
    }

    private static RuleVerdict EvaluateOne(MetricsDocument metrics, ThresholdRule rule, Func<string, Baseline?> baselineOf)
    {
        var verdict = new RuleVerdict { Rule = rule.ToString(), Metric = rule.Metric, Operator = rule.Operator, Passed = false };
        double actual;
        try
        {
            actual = metrics.Get(rule.Metric);
        }
        catch (RegistryException e)
        {
            return verdict with { Error = e.Canonical };
        }

        verdict = verdict with { Actual = actual };
        var bound = rule.Offset;
        if (rule.BaselineStage is { } stage)
        {
            Baseline? baseline;
            try
            {
                baseline = baselineOf(stage);
            }
            catch (RegistryException e)
            {
                return verdict with { Error = e.Canonical };
            }

            if (baseline is null)
            {
                return verdict with { Passed = true, Note = $"no {stage} version yet: nothing to compare with" };
            }

            verdict = verdict with { Baseline = baseline.Description };
            if (!baseline.Metrics.Values.TryGetValue(rule.Metric, out var reference) || !double.IsFinite(reference))
            {
                return verdict with { Error = Errors.BaselineMetricMissing(rule.Metric, baseline.Description).Canonical };
            }

            bound = Offset(reference, rule.Offset);
            if (!double.IsFinite(bound))
            {
                // A baseline near the largest double plus a large tolerance: no finite bound, so never a pass.
                return verdict with { Error = Errors.InvalidThresholdRule(rule.ToString()).Canonical };
            }
        }

        return verdict with { Bound = bound, Margin = rule.Margin(actual, bound), Passed = rule.Compare(actual, bound) };
    }

    /// <summary>
    /// The bound of a relative rule in decimal arithmetic, so a bound written in decimals is met exactly at its value
    /// (Production 0.2 plus 0.1 is 0.3, not 0.30000000000000004 that a candidate of 0.3 would miss). Values a decimal
    /// cannot hold to their full precision (tiny or huge) keep plain double arithmetic.
    /// </summary>
    private static double Offset(double reference, double offset) =>
        FitsDecimal(reference) && FitsDecimal(offset) ? (double)((decimal)reference + (decimal)offset) : reference + offset;

    private static bool FitsDecimal(double value) => value == 0 || Math.Abs(value) is >= 1e-9 and < 1e15;
}
