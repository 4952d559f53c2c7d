namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Text stored in the registry by one person (a description, a reason) reaches another person's terminal: it
/// must not carry terminal control sequences that recolour, move the cursor or clear the screen. JSON keeps the text
/// exactly (escaped by JSON itself).</summary>
public sealed class TerminalSafetyTests : Scenario
{
    private const string Hostile = "fine\u001b[2J\u001b[31mred\rover\u009b31m";

    [Fact]
    public async Task Show_and_history_print_no_control_characters_from_stored_text()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);
        var (registered, _) = await Json("register", "FraudDetection", "model.bin", "--description", Hostile);
        Assert.True(registered.ExitCode == 0, registered.Stderr);
        var (promoted, _) = await Json("promote", "FraudDetection@1", "--to", "Staging", "--reason", Hostile);
        Assert.True(promoted.ExitCode == 0, promoted.Stderr);

        var show = await Cli("show", "FraudDetection@1");
        var history = await Cli("history", "FraudDetection");
        var (json, document) = await Json("show", "FraudDetection@1");

        foreach (var text in new[] { show.Stdout, show.Stderr, history.Stdout, history.Stderr })
        {
            Assert.DoesNotContain(text, c => c is '\u001b' or '\r' or '\u009b');
        }

        Assert.Contains("fine", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(Hostile, document.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_file_name_with_a_line_feed_is_shown_on_its_own_line()
    {
        // arrange: a file whose name could forge a line of output
        Temp.WriteFile("model/weights\nerror MRB1104 forged.bin", [1, 2, 3]);
        Assert.Equal(0, (await Cli("register", "FraudDetection", Temp.Combine("model"))).ExitCode);

        // act
        var show = await Cli("show", "FraudDetection@1");

        // assert
        Assert.Contains("  file     weights?error MRB1104 forged.bin  3 bytes", show.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(show.Stdout.Split('\n'), line => line.StartsWith("error MRB1104", StringComparison.Ordinal));
    }
}
