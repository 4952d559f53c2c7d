using ModelRegistry.Build.Tasks;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Tasks;

/// <summary>A registry location with a SAS never reaches the tool's command line, which every local user can read:
/// it travels in <c>MODEL_REGISTRY</c>. A fake tool records its argv and environment, then fails the way the real one
/// does (an annotation, a coded line, an error document).</summary>
public sealed class CliSecretsTests : IDisposable
{
    private const string SasRegistry = "https://acct.blob.core.windows.net/models?sv=2024-08-04&sp=racwl&sig=SasSignature0042";
    private readonly TempFolder folder = new();
    private readonly FakeBuildEngine engine = new();

    public CliSecretsTests()
    {
        folder.Write("out/model.bin", "weights");
        folder.Write("out/metrics.json", """{ "auc": 0.93 }""");
        folder.Write("cli/model-registry.dll", "not run: the fake host records its arguments instead");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_sas_registry_goes_to_the_tool_in_the_environment_and_the_coded_error_is_read_once()
    {
        var task = new RegisterModel
        {
            BuildEngine = engine,
            Artifacts = [Item(folder.Combine("out/model.bin"), ("Model", "FraudDetection"))],
            Metrics = [Item(folder.Combine("out/metrics.json"))],
            Registry = SasRegistry,
            StampFile = folder.Combine("obj/registered.json"),
            CliPath = folder.Combine("cli/model-registry.dll"),
            DotNetHost = FakeTool(),
            ProjectDirectory = folder.Path,
            ProjectFile = "/project/Test.csproj",
        };

        Assert.False(task.Execute());

        var argv = File.ReadAllLines(folder.Combine("argv.txt"));
        var environment = File.ReadAllLines(folder.Combine("env.txt"));
        Assert.DoesNotContain(argv, a => a.Contains("SasSignature0042", StringComparison.Ordinal));
        Assert.DoesNotContain("--registry", argv);
        Assert.Contains("register", argv);
        Assert.Equal(["MODEL_REGISTRY=" + SasRegistry, "DOTNET_ROLL_FORWARD=Major", "GITHUB_OUTPUT="], environment);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("MRB1004", "'FraudDetection@9' does not name a version."), (error.Code, error.Message));
        Assert.DoesNotContain("SasSignature0042", engine.AllMessages, StringComparison.Ordinal);
    }

    /// <summary>A host that records what the tool would have received, then answers as a failed tool run in GitHub Actions does
    /// (an annotation beside the coded line).</summary>
    private string FakeTool()
    {
        var script = folder.Write("fake-dotnet.sh", $$"""
            #!/bin/sh
            printf '%s\n' "$@" > '{{folder.Combine("argv.txt")}}'
            printf 'MODEL_REGISTRY=%s\nDOTNET_ROLL_FORWARD=%s\nGITHUB_OUTPUT=%s\n' "$MODEL_REGISTRY" "$DOTNET_ROLL_FORWARD" "$GITHUB_OUTPUT" > '{{folder.Combine("env.txt")}}'
            echo "::error::MRB1004: 'FraudDetection@9' does not name a version." >&2
            echo "error MRB1004: 'FraudDetection@9' does not name a version." >&2
            echo '{"error": {"code": "MRB1004", "message": "does not name a version"} }'
            exit 1

            """);
        // The fake tool is a POSIX shell script: the suite runs on Linux and macOS (CI is Linux).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
