using ModelRegistry.Metrics;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Metrics;

public class ThresholdEvaluatorTests
{
    private static readonly Func<string, Baseline?> NoBaseline = _ => null;

    private static Verdict Evaluate(MetricsDocument metrics, Func<string, Baseline?> baselineOf, params string[] rules) =>
        ThresholdEvaluator.Evaluate(metrics, rules.Select(ThresholdRule.Parse), baselineOf);

    private static Baseline Production(params (string, double)[] values) =>
        new("FraudDetection@Production (version 3)", RegistryHarness.Metrics(values));

    [Fact]
    public void Lists_every_rule_with_actual_bound_and_margin()
    {
        var metrics = RegistryHarness.Metrics(("auc", 0.93), ("latency_p95_ms", 55));

        var verdict = Evaluate(metrics, NoBaseline, "auc>=0.90", "latency_p95_ms<=50");

        Assert.False(verdict.Passed);
        Assert.False(verdict.HasErrors);
        Assert.Collection(
            verdict.Rules,
            auc =>
            {
                Assert.Equal(("auc>=0.9", "auc", ">=", true), (auc.Rule, auc.Metric, auc.Operator, auc.Passed));
                Assert.Equal(0.93, auc.Actual);
                Assert.Equal(0.90, auc.Bound);
                Assert.Equal(0.03, auc.Margin!.Value, 9);
            },
            latency =>
            {
                Assert.Equal(("latency_p95_ms", false), (latency.Metric, latency.Passed));
                Assert.Equal(55, latency.Actual);
                Assert.Equal(50, latency.Bound);
                Assert.Equal(-5, latency.Margin);
            });
    }

    [Fact]
    public void Margins_beyond_the_largest_double_stay_finite_numbers()
    {
        // arrange: a metric near the largest double against a bound near its negative
        var metrics = RegistryHarness.Metrics(("auc", 1.7e308), ("loss", 1.7e308));

        // act
        var verdict = Evaluate(metrics, NoBaseline, "auc>=-1.7e308", "loss<=-1.7e308");

        // assert: the verdicts stand, and the margins are the largest doubles, which JSON can carry
        Assert.Equal([(true, double.MaxValue), (false, -double.MaxValue)], verdict.Rules.Select(r => (r.Passed, r.Margin!.Value)));
        Assert.Contains("1.7976931348623157E+308", System.Text.Encoding.UTF8.GetString(ModelRegistry.Manifest.RegistryJson.Serialize(verdict)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_bound_beyond_the_largest_double_is_an_error_never_a_pass()
    {
        // arrange: Production's auc near the largest double, and a rule that adds to it
        var production = Production(("auc", 1.7e308));

        // act
        var verdict = Evaluate(RegistryHarness.Metrics(("auc", 1.7e308)), _ => production, "auc<=Production+1e308");

        // assert
        Assert.False(verdict.Passed);
        Assert.Contains("MRB1206", Assert.Single(verdict.Rules).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_only_when_every_rule_passes()
    {
        var metrics = RegistryHarness.Metrics(("auc", 0.93), ("f1", 0.8));

        Assert.True(Evaluate(metrics, NoBaseline, "auc>=0.9", "f1>0.5").Passed);
        Assert.False(Evaluate(metrics, NoBaseline, "auc>=0.9", "f1>0.8").Passed);
    }

    [Fact]
    public void No_rules_pass()
    {
        Assert.True(Evaluate(RegistryHarness.Metrics(), NoBaseline).Passed);
    }

    [Fact]
    public void Missing_metric_fails_with_an_error_and_later_rules_are_still_listed()
    {
        var metrics = RegistryHarness.Metrics(("auc", 0.93));

        var verdict = Evaluate(metrics, NoBaseline, "f1>=0.5", "auc>=0.95");

        Assert.False(verdict.Passed);
        Assert.True(verdict.HasErrors);
        Assert.Equal(2, verdict.Rules.Count);
        Assert.False(verdict.Rules[0].Passed);
        Assert.Null(verdict.Rules[0].Actual);
        Assert.StartsWith("error MRB1205: ", verdict.Rules[0].Error, StringComparison.Ordinal);
        Assert.False(verdict.Rules[1].Passed);
        Assert.Null(verdict.Rules[1].Error);
    }

    [Theory]
    [InlineData("""{"auc": NaN}""", "auc<=1")]
    [InlineData("""{"auc": NaN}""", "auc>=0")]
    [InlineData("""{"auc": NaN}""", "auc==0")]
    [InlineData("""{"auc": Infinity}""", "auc>=0.9")]
    [InlineData("""{"lat": -Infinity}""", "lat<=50")]
    public void Non_finite_values_never_pass_whatever_the_operator(string json, string rule)
    {
        var metrics = MetricsDocument.Parse("m.json", System.Text.Encoding.UTF8.GetBytes(json));

        var verdict = Evaluate(metrics, NoBaseline, rule);

        Assert.False(verdict.Passed);
        Assert.StartsWith("error MRB1204: ", verdict.Rules[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_rule_compares_with_the_baseline_plus_offset()
    {
        var metrics = RegistryHarness.Metrics(("auc", 0.926));

        var verdict = Evaluate(metrics, _ => Production(("auc", 0.93)), "auc>=Production-0.005");

        var rule = Assert.Single(verdict.Rules);
        Assert.True(rule.Passed);
        Assert.Equal(0.925, rule.Bound!.Value, 12);
        Assert.Equal(0.001, rule.Margin!.Value, 12);
        Assert.Equal("FraudDetection@Production (version 3)", rule.Baseline);
    }

    [Fact]
    public void Relative_rule_fails_by_the_amount_missed()
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("auc", 0.90)), _ => Production(("auc", 0.93)), "auc>=Production-0.005");

        Assert.False(verdict.Passed);
        Assert.Equal(-0.025, verdict.Rules[0].Margin!.Value, 12);
    }

    [Theory]
    [InlineData(0.3, ">=", 0.2, "+0.1")]
    [InlineData(0.93, ">=", 0.93, "")]
    [InlineData(0.925, ">=", 0.93, "-0.005")]
    [InlineData(0.7, ">=", 0.6, "+0.1")]
    [InlineData(0.3, "<=", 0.1, "+0.2")]
    [InlineData(0.1, "<=", 0.3, "-0.2")]
    [InlineData(1.1, "==", 1.0, "+0.1")]
    public void Relative_rule_exactly_at_its_bound_passes(double actual, string op, double baseline, string offset)
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("m", actual)), _ => Production(("m", baseline)), $"m{op}Production{offset}");

        Assert.True(verdict.Passed, $"bound {verdict.Rules[0].Bound:R}, actual {actual:R}");
    }

    [Theory]
    [InlineData(1e-30, true)]
    [InlineData(2e-30, false)]
    public void Relative_rule_keeps_the_precision_of_tiny_values(double actual, bool passes)
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("p", actual)), _ => Production(("p", 1e-30)), "p<=Production");

        Assert.Equal(passes, verdict.Passed);
        Assert.Equal(1e-30, verdict.Rules[0].Bound);
    }

    [Fact]
    public void Relative_rule_without_a_baseline_version_passes_with_a_note()
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("auc", 0.5)), NoBaseline, "auc>=Production-0.005");

        var rule = Assert.Single(verdict.Rules);
        Assert.True(rule.Passed);
        Assert.Null(rule.Bound);
        Assert.Contains("no Production version", rule.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_rule_without_a_baseline_still_needs_the_candidate_metric()
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("f1", 0.5)), NoBaseline, "auc>=Production");

        Assert.False(verdict.Passed);
        Assert.StartsWith("error MRB1205: ", verdict.Rules[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_missing_the_metric_is_an_error_not_a_pass()
    {
        var verdict = Evaluate(RegistryHarness.Metrics(("auc", 0.99)), _ => Production(("f1", 0.9)), "auc>=Production-0.005");

        Assert.False(verdict.Passed);
        Assert.Equal(0.99, verdict.Rules[0].Actual);
        Assert.StartsWith("error MRB1207: ", verdict.Rules[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_with_a_non_finite_metric_is_an_error()
    {
        var baseline = new Baseline("FraudDetection@Production (version 3)", MetricsDocument.Parse("b", """{"auc": NaN}"""u8));

        var verdict = Evaluate(RegistryHarness.Metrics(("auc", 0.99)), _ => baseline, "auc>=Production");

        Assert.False(verdict.Passed);
        Assert.StartsWith("error MRB1207: ", verdict.Rules[0].Error, StringComparison.Ordinal);
    }
}
