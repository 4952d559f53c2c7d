using ModelRegistry.Metrics;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Metrics;

public class ThresholdRuleTests
{
    [Theory]
    [InlineData("auc>=0.90", "auc", ">=", 0.90)]
    [InlineData("latency_p95_ms<=50", "latency_p95_ms", "<=", 50)]
    [InlineData("accuracy==1", "accuracy", "==", 1)]
    [InlineData("f1>0.5", "f1", ">", 0.5)]
    [InlineData("loss<0.25", "loss", "<", 0.25)]
    [InlineData("eval.auc >= 0.9", "eval.auc", ">=", 0.9)]
    [InlineData("  auc>=.9  ", "auc", ">=", 0.9)]
    [InlineData("delta>=-0.5", "delta", ">=", -0.5)]
    [InlineData("rate<=1e-3", "rate", "<=", 0.001)]
    [InlineData("f1-score>=+2", "f1-score", ">=", 2)]
    public void Parses_fixed_bounds(string text, string metric, string op, double bound)
    {
        var rule = ThresholdRule.Parse(text);

        Assert.Equal(new ThresholdRule(metric, op, bound, null), rule);
    }

    [Theory]
    [InlineData("auc>=Production-0.005", "auc", ">=", -0.005, "Production")]
    [InlineData("auc >= Production - 0.005", "auc", ">=", -0.005, "Production")]
    [InlineData("latency_p95_ms<=Production+5", "latency_p95_ms", "<=", 5, "Production")]
    [InlineData("auc>=Staging", "auc", ">=", 0, "Staging")]
    [InlineData("errors<=Production-1", "errors", "<=", -1, "Production")]
    [InlineData("errors<=Production-10", "errors", "<=", -10, "Production")]
    [InlineData("auc>=Pre-Prod-0.01", "auc", ">=", -0.01, "Pre-Prod")]
    public void Parses_bounds_relative_to_a_stage(string text, string metric, string op, double offset, string stage)
    {
        var rule = ThresholdRule.Parse(text);

        Assert.Equal(new ThresholdRule(metric, op, offset, stage), rule);
    }

    [Theory]
    [InlineData("auc>=0.90", "auc>=0.9")]
    [InlineData("auc >= Production - 0.005", "auc>=Production-0.005")]
    [InlineData("lat<=Production+5", "lat<=Production+5")]
    [InlineData("auc>=Production", "auc>=Production")]
    public void Prints_in_its_canonical_form(string text, string printed)
    {
        Assert.Equal(printed, ThresholdRule.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("auc")]
    [InlineData("auc>=")]
    [InlineData(">=0.9")]
    [InlineData("auc=0.9")]
    [InlineData("auc=>0.9")]
    [InlineData("auc>>0.9")]
    [InlineData("auc!=0.9")]
    [InlineData("auc>=0.9x")]
    [InlineData("auc>=0.9.1")]
    [InlineData("auc>=abc def")]
    [InlineData("auc>=NaN")]
    [InlineData("auc>=Infinity")]
    [InlineData("auc>=Production-1e400")]
    [InlineData("auc>=Production+1e309")]
    [InlineData("auc>=1e999")]
    [InlineData("auc>=Production-")]
    [InlineData("auc>=Production--1")]
    [InlineData("auc>=Production+-1")]
    [InlineData("auc>=Production*2")]
    [InlineData("auc>=0.9;rm -rf /")]
    [InlineData("a uc>=0.9")]
    [InlineData("auc\n>=0.9\n;")]
    public void Refuses_malformed_rules_as_a_usage_error(string text)
    {
        var error = Refusal.Expect("MRB1206", () => ThresholdRule.Parse(text));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void Refuses_an_overlong_rule()
    {
        Refusal.Expect("MRB1206", () => ThresholdRule.Parse(new string('a', 300) + ">=1"));
    }

    [Theory]
    [InlineData(">=", 0.90, 0.90, true, 0)]
    [InlineData(">=", 0.93, 0.90, true, 0.03)]
    [InlineData(">=", 0.89, 0.90, false, -0.01)]
    [InlineData(">", 0.90, 0.90, false, 0)]
    [InlineData(">", 0.91, 0.90, true, 0.01)]
    [InlineData("<=", 50, 50, true, 0)]
    [InlineData("<=", 55, 50, false, -5)]
    [InlineData("<", 50, 50, false, 0)]
    [InlineData("<", 49, 50, true, 1)]
    [InlineData("==", 1, 1, true, 0)]
    [InlineData("==", 0.99, 1, false, -0.01)]
    [InlineData("==", 1.01, 1, false, -0.01)]
    public void Compares_and_measures_the_margin(string op, double actual, double bound, bool passes, double margin)
    {
        var rule = new ThresholdRule("m", op, bound, null);

        Assert.Equal(passes, rule.Compare(actual, bound));
        Assert.Equal(margin, rule.Margin(actual, bound), 9);
    }
}
