namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>An argument that starts with '@' is text the user typed (a reason, a description, an approver's handle),
/// never a file whose lines are spliced into the command line.</summary>
public sealed class AtSignArgumentTests : Scenario
{
    [Fact]
    public async Task A_reason_starting_with_an_at_sign_is_recorded_as_written()
    {
        await RegisterAsync("FraudDetection", "v1");

        var (result, _) = await Json("alias", "set", "FraudDetection@1", "champion", "--reason", "@alice said so");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var history = await (await ModelRegistry.Registry.OpenAsync(Registry)).HistoryAsync("FraudDetection");
        Assert.Equal("@alice said so", history[^1].Reason);
    }

    [Fact]
    public async Task An_at_sign_argument_naming_a_file_does_not_inject_that_files_lines()
    {
        await RegisterAsync("FraudDetection", "v1");
        Temp.WriteFile("alice", "--to\nProduction\n--approved-by\nmallory\n"u8.ToArray());

        var (result, _) = await Json("promote", "FraudDetection@1", "--to", "Staging", "--reason", "@alice");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var version = await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync("FraudDetection@1");
        Assert.Equal("Staging", version.Stage);
    }
}
