namespace ModelRegistry.Cake;

/// <summary>The verdict of one threshold rule: the actual value, the bound it was held to, and the margin.</summary>
public sealed class MetricRuleResult
{
    /// <summary>Gets the rule as written (auc&gt;=0.90).</summary>
    public string Rule { get; init; } = "";

    /// <summary>Gets the metric the rule reads.</summary>
    public string Metric { get; init; } = "";

    /// <summary>Gets the comparison (&gt;=, &lt;=, &gt;, &lt;).</summary>
    public string Operator { get; init; } = "";

    /// <summary>Gets the metric's value, when it could be read.</summary>
    public double? Actual { get; init; }

    /// <summary>Gets the bound the value was held to.</summary>
    public double? Bound { get; init; }

    /// <summary>Gets by how much the rule passed (positive) or missed (negative).</summary>
    public double? Margin { get; init; }

    /// <summary>Gets a value indicating whether the rule passed.</summary>
    public bool Passed { get; init; }

    /// <summary>Gets the version a relative rule compared with (FraudDetection@Production = 3).</summary>
    public string? Baseline { get; init; }

    /// <summary>Gets why the rule could not be evaluated (a coded message), if it could not.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a note such as "no Production version yet".</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {(Passed ? "pass" : "FAIL")} (actual {Actual}, bound {Bound}, margin {Margin})";
}
