using System.Text.Json;
using ModelRegistry.Cli.Tests.Infrastructure;
using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Tests.Commands;

public sealed class GcCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Gc_is_a_dry_run_unless_asked_to_apply()
    {
        var registry = temp.Combine("registry");
        var artifact = temp.WriteFile("model.bin", "named"u8.ToArray());
        await (await Registry.OpenAsync(registry)).RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [artifact] });
        var orphan = Path.Combine(registry, RegistryPaths.Blob("sha256:" + new string('a', 64)));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllText(orphan, "left by an interrupted registration");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddDays(-2));

        var dry = await CliProcess.RunAsync(temp.Path, "gc", "--registry", registry, "--json");

        Assert.Equal(0, dry.ExitCode);
        var report = JsonDocument.Parse(dry.Stdout).RootElement;
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(RegistryPaths.Blob("sha256:" + new string('a', 64)), Assert.Single(report.GetProperty("unnamed").EnumerateArray()).GetProperty("path").GetString());
        Assert.True(File.Exists(orphan));

        var applied = await CliProcess.RunAsync(temp.Path, "gc", "--apply", "--registry", registry, "--json");

        Assert.Equal(0, applied.ExitCode);
        Assert.False(File.Exists(orphan));
        Assert.True((await (await Registry.OpenAsync(registry)).VerifyAsync()).Clean);
    }
}
