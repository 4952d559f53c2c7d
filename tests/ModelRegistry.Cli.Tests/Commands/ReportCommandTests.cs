namespace ModelRegistry.Cli.Tests.Commands;

/// <summary><c>report</c> as a shell, a pipeline or a face runs it: the site appears, the JSON document says what was
/// written, a second run writes nothing, and --model and --as-of choose what the site shows.</summary>
public sealed class ReportCommandTests : Scenarios.Scenario
{
    [Fact]
    public async Task Report_writes_the_site_and_prints_its_document_and_a_second_run_writes_nothing()
    {
        // arrange
        await RegisterAsync("FraudDetection", "v1");
        await RegisterAsync("FraudDetection", "v2");
        Assert.Equal(0, (await Cli("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "alice")).ExitCode);
        var site = Temp.Combine("site");

        // act
        var first = await Cli("report", "--output", site, "--json");
        var second = await Cli("report", "--output", site, "--json");

        // assert
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Empty(PublishedSchemas.Problems("report", first.Stdout));
        var written = OneDocument(first.Stdout);
        Assert.Equal(Path.GetFullPath(site), written.GetProperty("output").GetString());
        Assert.Contains("models/FraudDetection/v2.html", written.GetProperty("written").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(written.GetProperty("pages").GetInt32(), written.GetProperty("written").GetArrayLength());
        var again = OneDocument(second.Stdout);
        Assert.Equal(0, again.GetProperty("written").GetArrayLength());
        Assert.Equal(written.GetProperty("pages").GetInt32(), again.GetProperty("unchanged").GetInt32());
        Assert.Contains("<td data-stage=\"Production\"><a href=\"models/FraudDetection/v2.html\">2</a></td>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_filters_the_site_and_as_of_shows_the_registry_as_it_was()
    {
        // arrange
        await RegisterAsync("FraudDetection", "v1");
        await RegisterAsync("Churn", "c1");
        Assert.Equal(0, (await Cli("promote", "FraudDetection@1", "--to", "Staging")).ExitCode);
        var site = Temp.Combine("site");

        // act
        var result = await Cli("report", "--output", site, "--model", "fraudDetection", "--as-of", "1", "--json");

        // assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["FraudDetection"], OneDocument(result.Stdout).GetProperty("models").EnumerateArray().Select(e => e.GetString()));
        Assert.False(Directory.Exists(Path.Combine(site, "models", "Churn")));
        Assert.Contains("<td data-stage=\"Staging\"></td>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_inside_the_registry_is_a_coded_error()
    {
        // arrange
        await RegisterAsync("FraudDetection", "v1");

        // act
        var (result, document) = await Json("report", "--output", Path.Combine(Registry, "site"));

        // assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1062", ErrorCode(document));
        Assert.False(Directory.Exists(Path.Combine(Registry, "site")));
    }

    [Fact]
    public async Task An_output_that_is_a_file_names_that_path_and_leaves_it_alone()
    {
        // arrange
        await RegisterAsync("FraudDetection", "v1");
        var file = Temp.WriteFile("taken", [1]);

        // act
        var (result, document) = await Json("report", "--output", file);

        // assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("MRB1017", ErrorCode(document));
        Assert.Contains(file, result.Stderr, StringComparison.Ordinal);
        Assert.Equal([1], File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Without_json_it_says_where_the_site_is()
    {
        // arrange
        await RegisterAsync("FraudDetection", "v1");
        var site = Temp.Combine("site");

        // act
        var result = await Cli("report", "--output", site);

        // assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 model(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Path.GetFullPath(site), "index.html"), result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFullPath(site) + ":", result.Stdout, StringComparison.Ordinal);
    }
}
