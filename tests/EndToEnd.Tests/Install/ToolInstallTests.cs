using System.Diagnostics;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.MSBuild;
using Xunit;

namespace EndToEnd.Tests.Install;

/// <summary>The install paths a user tries, from the packed feed: the model-registry tool as a global tool (in a
/// tool path) and as a local tool, and the version it reports being the one the MSBuild tasks log.</summary>
[Collection(PackagedProductCollectionDefinition.Name)]
public sealed partial class ToolInstallTests(PackagedProductFixture fixture)
{
    private PackagedProduct Product => fixture.Product;

    [GeneratedRegex(@"ModelRegistry\.Build (?<version>\S+): model-registry register")]
    private static partial Regex TaskVersionLine();

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_tool_installs_into_a_tool_path_and_reports_the_version_the_msbuild_tasks_log()
    {
        // arrange
        using var folder = Product.CreateFolder("tool-global");
        var toolPath = folder.Combine("tools");
        var registry = new TestRegistry(folder.Combine("registry"));
        Projects.WriteTraining(folder, registry.Path);
        folder.Write("metrics.json", """{ "auc": 0.95 }""");

        // act
        (await Product.DotNet.RunAsync(folder.Path, ["tool", "install", "ModelRegistry.Cli", "--version", PackagedProduct.Version, "--tool-path", toolPath])).AssertSuccess();
        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "model-registry.exe" : "model-registry");
        var version = await RunAsync(tool, folder.Path, "--version");
        var list = await RunAsync(tool, folder.Path, "list", "--registry", registry.Path, "--json");
        var build = await Product.DotNet.BuildAsync(folder.Path, "-v:n");

        // assert
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
        Assert.True(list.ExitCode == 0, list.Output);
        build.AssertSuccess();
        var logged = TaskVersionLine().Match(build.Output);
        Assert.True(logged.Success, build.Output);
        Assert.Equal(version.Output.Trim(), logged.Groups["version"].Value);
    }

    [Fact]
    public async Task The_tool_installs_as_a_local_tool_and_runs_through_dotnet()
    {
        // arrange
        using var folder = Product.CreateFolder("tool-local");
        (await Product.DotNet.RunAsync(folder.Path, ["new", "tool-manifest"], new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = folder.Combine(".dotnet-home") })).AssertSuccess();

        // act
        var install = await Product.DotNet.RunAsync(folder.Path, ["tool", "install", "ModelRegistry.Cli", "--version", PackagedProduct.Version]);
        var help = await Product.DotNet.RunAsync(folder.Path, ["model-registry", "--help"]);

        // assert
        install.AssertSuccess();
        help.AssertSuccess();
        Assert.Contains("register", help.Output, StringComparison.Ordinal);
        Assert.Contains("promote", help.Output, StringComparison.Ordinal);
        Assert.Contains("\"modelregistry.cli\"", File.ReadAllText(Directory.EnumerateFiles(folder.Path, "dotnet-tools.json", SearchOption.AllDirectories).Single()).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
