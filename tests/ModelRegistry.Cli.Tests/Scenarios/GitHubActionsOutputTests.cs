namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>In GitHub Actions, step outputs that cannot be written are reported as what they are: the registration
/// stands, and the error names $GITHUB_OUTPUT, not the registry.</summary>
public sealed class GitHubActionsOutputTests : Scenario
{
    [Fact]
    public async Task An_unwritable_step_output_file_is_named_and_the_registration_stands()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);
        var outputs = Temp.Combine("no-such-folder", "output");
        var actions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs };

        var result = await Run(actions, "register", "FraudDetection", "model.bin", "--registry", Registry, "--json");

        AssertNoStackTrace(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, OneDocument(result.Stdout).GetProperty("version").GetInt32());
        Assert.Contains("error MRB1903", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(outputs, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("MRB1106", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_step_files_are_unset_as_the_MSBuild_and_Cake_faces_hand_them_over()
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);
        var actions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = "", ["GITHUB_STEP_SUMMARY"] = "" };

        var result = await Run(actions, "register", "FraudDetection", "model.bin", "--registry", Registry, "--json");

        AssertNoStackTrace(result);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(1, OneDocument(result.Stdout).GetProperty("version").GetInt32());
        Assert.DoesNotContain("MRB1903", result.Stderr, StringComparison.Ordinal);
    }
}
