namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Production needs an approval by a named person: a blank name is no approval, whichever way it is typed.</summary>
public sealed class ApprovalTests : Scenario
{
    [Theory]
    [InlineData("   ")]
    [InlineData("\t")]
    public async Task A_blank_approver_does_not_approve_a_promotion_to_production(string approver)
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, document) = await Json("promote", "FraudDetection@1", "--to", "Production", "--approved-by", approver);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1301", ErrorCode(document));
        Assert.Equal("None", (await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync("FraudDetection@1")).Stage);
    }
}
