namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>The metric gate speaks the truth on every registration, also when the recipe is already registered:
/// "passed" is never claimed for rules that were not evaluated.</summary>
public sealed class GateTests : Scenario
{
    [Fact]
    public async Task Registering_a_known_recipe_with_failing_metrics_fails_the_gate()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);
        Temp.WriteFile("good.json", """{"auc": 0.95}"""u8.ToArray());
        Temp.WriteFile("bad.json", """{"auc": 0.50}"""u8.ToArray());
        var (first, _) = await Json("register", "FraudDetection", "model.bin", "--metrics", "good.json", "--threshold", "auc>=0.9");
        Assert.True(first.ExitCode == 0, first.Stderr);

        var (again, document) = await Json("register", "FraudDetection", "model.bin", "--metrics", "bad.json", "--threshold", "auc>=0.9");

        Assert.Equal(3, again.ExitCode);
        Assert.False(document.GetProperty("passed").GetBoolean());
        Assert.Contains("error MRB1203", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_known_recipe_with_passing_metrics_returns_it_with_the_verdict()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);
        Temp.WriteFile("good.json", """{"auc": 0.95}"""u8.ToArray());
        await Json("register", "FraudDetection", "model.bin", "--metrics", "good.json", "--threshold", "auc>=0.9");

        var (again, document) = await Json("register", "FraudDetection", "model.bin", "--metrics", "good.json", "--threshold", "auc>=0.9");

        Assert.Equal(0, again.ExitCode);
        Assert.False(document.GetProperty("isNew").GetBoolean());
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        var rule = Assert.Single(document.GetProperty("evaluation").GetProperty("rules").EnumerateArray());
        Assert.True(rule.GetProperty("passed").GetBoolean());
    }
}
