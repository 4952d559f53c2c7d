namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>--registry as users write it: a URL no backend serves is refused, never turned into a folder named after
/// the URL (signature and all); a file URL names a local folder.</summary>
public sealed class RegistryLocationTests : Scenario
{
    [Theory]
    [InlineData("ftp://host/registry")]
    [InlineData("s3://bucket/registry?X-Amz-Signature=SECRET")]
    [InlineData("file://host/registry")]
    public async Task A_registry_url_no_backend_serves_is_refused_and_creates_no_folder(string location)
    {
        Temp.WriteFile("model.bin", [1, 2, 3]);

        var result = await Run("register", "FraudDetection", "model.bin", "--registry", location, "--json");

        AssertNoStackTrace(result);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("MRB1016", ErrorCode(OneDocument(result.Stdout)));
        Assert.DoesNotContain("SECRET", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["model.bin"], Directory.EnumerateFileSystemEntries(Temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_url_with_an_absolute_path_opens_that_folder()
    {
        await RegisterAsync("FraudDetection", "v1");

        var result = await Run("resolve", "FraudDetection@1", "--registry", new Uri(Registry).AbsoluteUri, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
    }
}
