namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>An output the user pointed at a bad place is the user's folder's problem: the error names that path, not
/// the registry, and a failed pull leaves nothing behind, not even the folder it made.</summary>
public sealed class OutputPathTests : Scenario
{
    [Fact]
    public async Task Pulling_into_a_path_that_is_a_file_names_that_path()
    {
        await RegisterAsync("FraudDetection", "v1");
        var file = Temp.WriteFile("taken", [1]);

        var (result, document) = await Json("pull", "FraudDetection@1", "--output", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1017", ErrorCode(document));
        Assert.Contains(file, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulling_where_a_folder_stands_in_the_way_of_a_file_names_it_and_writes_nothing()
    {
        await RegisterAsync("FraudDetection", "v1");
        Directory.CreateDirectory(Temp.Combine("out", "model.bin"));

        var (result, document) = await Json("pull", "FraudDetection@1", "--output", Temp.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1017", ErrorCode(document));
        Assert.Equal(["model.bin"], Directory.EnumerateFileSystemEntries(Temp.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_pull_that_fails_verification_leaves_no_output_folder_behind()
    {
        var digest = await RegisterAsync("FraudDetection", "v1");
        var version = await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync("FraudDetection@1");
        var blob = Path.Combine(Registry, ModelRegistry.Manifest.RegistryPaths.Blob(version.Files[0].Digest));
        File.WriteAllText(blob, "v2");

        var (result, document) = await Json("pull", $"FraudDetection@{digest}", "--output", Temp.Combine("fresh"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1104", ErrorCode(document));
        Assert.False(Directory.Exists(Temp.Combine("fresh")));
    }

    [Fact]
    public async Task Provenance_into_an_unwritable_place_names_that_place()
    {
        await RegisterAsync("FraudDetection", "v1");
        var target = Temp.Combine("no", "such", "folder", "provenance.json");

        var (result, document) = await Json("provenance", "FraudDetection@1", "--output", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1017", ErrorCode(document));
        Assert.Contains(target, result.Stderr, StringComparison.Ordinal);
    }
}
