namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>A metrics file that is valid JSON but nested too deeply is refused for what it is, not as invalid JSON.</summary>
public sealed class MetricsShapeTests : Scenario
{
    [Fact]
    public async Task A_deeply_nested_metrics_file_is_refused_as_too_deep()
    {
        Temp.WriteFile("metrics.json", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "0.9" + new string('}', 40)));

        var (result, document) = await Json("evaluate", "--metrics", "metrics.json", "--threshold", "auc>=0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1202", ErrorCode(document));
        Assert.Contains("nested deeper than 32 levels", result.Stderr, StringComparison.Ordinal);
    }
}
