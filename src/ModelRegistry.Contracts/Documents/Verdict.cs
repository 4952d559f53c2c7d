using System.Text.Json.Serialization;

namespace ModelRegistry.Metrics;

/// <summary>The result of one rule: the actual value, the bound it was held to, and by how much it passed or missed.</summary>
public sealed record RuleVerdict
{
    public required string Rule { get; init; }

    public required string Metric { get; init; }

    public required string Operator { get; init; }

    public double? Actual { get; init; }

    public double? Bound { get; init; }

    /// <summary>Positive: passed with that much room; negative: missed by that much.</summary>
    public double? Margin { get; init; }

    public required bool Passed { get; init; }

    /// <summary>The version a relative rule compared against (FraudDetection@Production = 3).</summary>
    public string? Baseline { get; init; }

    /// <summary>Why the rule could not be evaluated (a coded message), or a note such as "no Production version yet".</summary>
    public string? Error { get; init; }

    public string? Note { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {(Passed ? "pass" : "FAIL")} (actual {Actual}, bound {Bound}, margin {Margin})";
}

/// <summary>Every rule's verdict. Passed only when every rule was evaluated and passed.</summary>
public sealed record Verdict(bool Passed, IReadOnlyList<RuleVerdict> Rules)
{
    public static Verdict Empty { get; } = new(true, []);

    /// <summary>True when some rule could not be evaluated at all (missing metric, NaN, unreadable baseline).</summary>
    public bool HasErrors => Rules.Any(r => r.Error is not null);

    /// <summary>The rules that failed or could not be evaluated.</summary>
    [JsonIgnore]
    public IEnumerable<RuleVerdict> Failures => Rules.Where(r => !r.Passed);
}
