using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelRegistry.Metrics;

/// <summary>
/// One metric gate: <c>auc&gt;=0.90</c>, <c>latency_p95_ms&lt;=50</c>, <c>eval.auc&gt;=Production-0.005</c>.
/// A bound is a number, or a stage (its current version's value of the same metric) plus or minus a number.
/// </summary>
public sealed partial record ThresholdRule(string Metric, string Operator, double Offset, string? BaselineStage)
{
    // A dash inside a stage name must be followed by a letter, so Production-1 reads as Production minus 1.
    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z0-9_][A-Za-z0-9_.\-/:]*)\s*(?<op>>=|<=|==|>|<)\s*(?:(?<stage>[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z][A-Za-z0-9_]*)*)\s*(?:(?<sign>[+-])\s*(?<delta>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?))?|(?<number>[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static ThresholdRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = text.Length <= 256 ? Pattern().Match(text) : Match.Empty;
        if (!match.Success)
        {
            throw Errors.InvalidThresholdRule(text);
        }

        var metric = match.Groups["metric"].Value;
        var op = match.Groups["op"].Value;
        if (match.Groups["number"].Success)
        {
            var bound = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(bound) ? new(metric, op, bound, null) : throw Errors.InvalidThresholdRule(text);
        }

        var stage = match.Groups["stage"].Value;
        if (stage is "NaN" or "Infinity")
        {
            throw Errors.InvalidThresholdRule(text);
        }

        var delta = match.Groups["delta"].Success ? double.Parse(match.Groups["delta"].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
        return double.IsFinite(delta) ? new(metric, op, match.Groups["sign"].Value == "-" ? -delta : delta, stage) : throw Errors.InvalidThresholdRule(text);
    }

    public bool Compare(double actual, double bound) => Operator switch
    {
        ">=" => actual >= bound,
        ">" => actual > bound,
        "<=" => actual <= bound,
        "<" => actual < bound,
        _ => actual == bound,
    };

    /// <summary>How far the actual value is on the passing side of the bound (negative: missed by that much); a
    /// difference beyond the largest double (a metric near it against a bound near its negative) is reported as
    /// that largest value, so the margin stays a number a JSON document can carry.</summary>
    public double Margin(double actual, double bound) => Math.Clamp(Operator switch
    {
        ">=" or ">" => actual - bound,
        "<=" or "<" => bound - actual,
        _ => -Math.Abs(actual - bound),
    }, -double.MaxValue, double.MaxValue);

    public override string ToString()
    {
        if (BaselineStage is null)
        {
            return Metric + Operator + Offset.ToString("R", CultureInfo.InvariantCulture);
        }

        var delta = Offset == 0 ? "" : (Offset > 0 ? "+" : "-") + Math.Abs(Offset).ToString("R", CultureInfo.InvariantCulture);
        return Metric + Operator + BaselineStage + delta;
    }
}
