namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>gc --grace takes what people type: an absurd or empty duration is a coded usage error, never an overflow.</summary>
public sealed class GcGraceTests : Scenario
{
    [Theory]
    [InlineData("99999999d")]
    [InlineData("Infinityd")]
    [InlineData("")]
    [InlineData("h")]
    public async Task An_unusable_grace_period_is_a_usage_error(string grace)
    {
        var (result, document) = await Json("gc", "--grace", grace);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1210", ErrorCode(document));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("59m")]
    [InlineData("0.5h")]
    public async Task A_grace_period_shorter_than_an_hour_is_refused(string grace)
    {
        var (result, document) = await Json("gc", "--grace", grace, "--apply");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1220", ErrorCode(document));
    }
}
