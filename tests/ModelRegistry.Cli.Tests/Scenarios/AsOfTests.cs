namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>--as-of reads history: a model that never existed is not found at any time, and a model that did not
/// exist yet is named as the user spells it.</summary>
public sealed class AsOfTests : Scenario
{
    [Theory]
    [InlineData("resolve", "Nope@1", "2099-01-01")]
    [InlineData("history", "Nope", "1")]
    [InlineData("list", "Nope", "1")]
    public async Task A_model_that_never_existed_is_not_found_as_of_any_time(string command, string target, string asOf)
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, document) = await Json(command, target, "--as-of", asOf);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1003", ErrorCode(document));
    }

    [Fact]
    public async Task A_model_before_its_first_revision_is_named_as_registered()
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, document) = await Json("resolve", "FraudDetection@Production", "--as-of", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1004", ErrorCode(document));
        Assert.DoesNotContain("frauddetection", result.Stderr, StringComparison.Ordinal);
    }
}
