using System.Globalization;
using System.Text;

namespace ModelRegistry.Benchmarks;

/// <summary>One measured ratio: the product's time against a baseline measured in the same run, and the bound it must stay under.</summary>
internal sealed record BenchResult(string Name, double ProductMs, string Baseline, double BaselineMs, double Bound, string Note = "")
{
    public double Ratio => ProductMs / BaselineMs;

    public bool Met => Ratio <= Bound;

    public static string Markdown(IEnumerable<BenchResult> results)
    {
        var builder = new StringBuilder("| benchmark | product (ms) | baseline | baseline (ms) | ratio | bound | met | note |\n| --- | ---: | --- | ---: | ---: | ---: | --- | --- |\n");
        foreach (var r in results)
        {
            builder.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.ProductMs:F3} | {r.Baseline} | {r.BaselineMs:F3} | {r.Ratio:F3} | {r.Bound:F2} | {(r.Met ? "yes" : "NO")} | {r.Note} |\n");
        }

        return builder.ToString();
    }
}
