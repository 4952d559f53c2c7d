namespace ModelRegistry.Cake;

/// <summary>The verdict of a set of threshold rules: passed only when every rule was evaluated and passed.</summary>
public sealed class ModelEvaluation
{
    /// <summary>Gets a value indicating whether every rule passed.</summary>
    public bool Passed { get; init; }

    /// <summary>Gets the verdict of each rule, in the order given.</summary>
    public IReadOnlyList<MetricRuleResult> Rules { get; init; } = [];

    /// <summary>Gets the rules that failed or could not be evaluated.</summary>
    public IEnumerable<MetricRuleResult> Failures => Rules.Where(r => !r.Passed);
}
