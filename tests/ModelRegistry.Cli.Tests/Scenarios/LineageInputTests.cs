namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Lineage questions asked oddly: answered, or refused with a coded error, never a crash.</summary>
public sealed class LineageInputTests : Scenario
{
    [Fact]
    public async Task An_empty_dataset_question_is_a_coded_usage_error()
    {
        var (result, document) = await Json("lineage", "--dataset", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1507", ErrorCode(document));
    }
}
