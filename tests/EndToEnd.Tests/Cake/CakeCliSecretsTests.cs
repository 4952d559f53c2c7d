using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>The Cake face starts the tool the way the MSBuild face does: a registry location with a SAS travels in
/// <c>MODEL_REGISTRY</c>, never on the command line; an argument with a credential is secret even at diagnostic
/// verbosity; a coded error line is read into the same code and message. A fake tool records its argv and
/// environment, then fails as the real one does in GitHub Actions (an annotation beside the coded line).</summary>
[Collection(CakeAddinCollectionDefinition.Name)]
public sealed class CakeCliSecretsTests(CakeAddinFixture fixture)
{
    private const string SasRegistry = "https://acct.blob.core.windows.net/models?sv=2024-08-04&sp=racwl&sig=SasSignature0042";

    [Fact]
    public async Task A_sas_registry_goes_to_the_tool_in_the_environment_and_no_secret_is_printed()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-secrets", $$"""
            Task("Default").Does(() =>
            {
                try
                {
                    ModelRegistryRegister("FraudDetection", "model.zip", new ModelRegistryRegisterSettings
                    {
                        ToolPath = "fake-tool.sh",
                        Registry = "{{SasRegistry}}",
                        Data = { "https://acct.blob.core.windows.net/d/train.csv?sv=1&sig=DataSignature0043" },
                    });
                }
                catch (Exception e)
                {
                    Information("caught: " + e.Message);
                }
            });
            """);
        var argv = script.Folder.Combine("argv.txt");
        var environment = script.Folder.Combine("env.txt");
        var tool = script.Folder.Write("fake-tool.sh", $$"""
            #!/bin/sh
            printf '%s\n' "$@" > '{{argv}}'
            printf 'MODEL_REGISTRY=%s\nDOTNET_ROLL_FORWARD=%s\nGITHUB_OUTPUT=%s\n' "$MODEL_REGISTRY" "$DOTNET_ROLL_FORWARD" "$GITHUB_OUTPUT" > '{{environment}}'
            echo "::error::MRB1004: 'FraudDetection@9' does not name a version." >&2
            echo "error MRB1004: 'FraudDetection@9' does not name a version." >&2
            echo '{"error": {"code": "MRB1004", "message": "does not name a version"} }'
            exit 1

            """);

        // The fake tool is a POSIX shell script: the suite runs on Linux and macOS (CI is Linux).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // act
        var result = await script.RunAsync("Default", "--verbosity=diagnostic");

        // assert
        result.AssertSuccess();
        var words = File.ReadAllLines(argv);
        Assert.DoesNotContain(words, w => w.Contains("SasSignature0042", StringComparison.Ordinal));
        Assert.DoesNotContain("--registry", words);
        Assert.Equal(["MODEL_REGISTRY=" + SasRegistry, "DOTNET_ROLL_FORWARD=Major", "GITHUB_OUTPUT="], File.ReadAllLines(environment));
        Assert.DoesNotContain("SasSignature0042", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DataSignature0043", result.Output, StringComparison.Ordinal);
        Assert.Contains("caught: MRB1004: 'FraudDetection@9' does not name a version.", result.Output, StringComparison.Ordinal);
    }
}
