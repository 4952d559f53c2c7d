namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>The default registry (./.model-registry) sits in the folder people register from: `register M .` must
/// register the model's files, never the registry into itself.</summary>
public sealed class RegistryInsideArtifactsTests : Scenario
{
    [Fact]
    public async Task Registering_the_folder_that_holds_the_registry_leaves_the_registry_out()
    {
        Temp.WriteFile("out/model.bin", [1, 2, 3]);
        Temp.WriteFile("out/vocab.txt", "a b c"u8.ToArray());
        var registry = Temp.Combine("out", ".model-registry");
        var first = await Run("register", "Other", Temp.Combine("out", "vocab.txt"), "--registry", registry, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);

        var result = await Run("register", "FraudDetection", Temp.Combine("out"), "--registry", registry, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var files = OneDocument(result.Stdout).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.Equal(["model.bin", "vocab.txt"], files);
    }
}
