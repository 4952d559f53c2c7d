using ModelRegistry.Build.Registration;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Units;

public sealed class ThresholdRulesTests
{
    [Theory]
    [InlineData("Minimum", "0.90", "auc>=0.90")]
    [InlineData("Maximum", "0.5", "auc<=0.5")]
    [InlineData("Minimum", "Production-0.01", "auc>=Production-0.01")]
    public void A_bound_becomes_one_rule(string name, string value, string expected) =>
        Assert.Equal([expected], ThresholdRules.From(Item("auc", (name, value))));

    [Fact]
    public void Minimum_and_Maximum_become_two_rules() =>
        Assert.Equal(["auc>=0.8", "auc<=0.99"], ThresholdRules.From(Item("auc", ("Minimum", "0.8"), ("Maximum", "0.99"))));

    [Fact]
    public void RelativeTo_with_a_tolerance_allows_that_much_worse_than_the_stage() =>
        Assert.Equal(["auc>=Production-0.005"], ThresholdRules.From(Item("auc", ("RelativeTo", "Production"), ("Tolerance", "0.005"))));

    [Fact]
    public void RelativeTo_for_a_metric_where_lower_is_better_bounds_from_above() =>
        Assert.Equal(["latency_ms<=Production+5"], ThresholdRules.From(Item("latency_ms", ("RelativeTo", "Production"), ("Tolerance", "5"), ("LowerIsBetter", "true"))));

    [Fact]
    public void RelativeTo_without_a_tolerance_asks_for_at_least_the_stage() =>
        Assert.Equal(["auc>=Staging"], ThresholdRules.From(Item("auc", ("RelativeTo", "Staging"))));

    [Theory]
    [InlineData("", "")]
    [InlineData("Tolerance", "0.1")]
    public void An_item_without_a_usable_bound_is_refused_with_MRB1607(string name, string value)
    {
        var item = name.Length == 0 ? Item("auc") : Item("auc", (name, value));
        Assert.Equal("MRB1607", Assert.Throws<RegistryException>(() => ThresholdRules.From(item)).Code);
    }

    [Fact]
    public void A_signed_tolerance_is_refused() =>
        Assert.Equal("MRB1607", Assert.Throws<RegistryException>(() => ThresholdRules.From(Item("auc", ("RelativeTo", "Production"), ("Tolerance", "-0.1")))).Code);
}
