namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>verify on a mistyped --registry must not report a clean registry: there is nothing there to check.</summary>
public sealed class VerifyLocationTests : Scenario
{
    [Fact]
    public async Task Verify_where_there_is_no_registry_is_an_error_not_a_clean_report()
    {
        var (result, document) = await Json("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1018", ErrorCode(document));
        Assert.False(Directory.Exists(Registry));
    }

    [Fact]
    public async Task Verify_of_a_registry_is_clean()
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, document) = await Json("verify");

        Assert.Equal(0, result.ExitCode);
        Assert.True(document.GetProperty("clean").GetBoolean());
    }
}
