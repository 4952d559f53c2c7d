using System.Text.Json;
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

    [Fact]
    public async Task A_model_named_records_in_Production_survives_gc_apply()
    {
        // arrange
        var registry = temp.Combine("registry");
        var artifact = temp.WriteFile("model.bin", "records weights"u8.ToArray());
        Assert.Equal(0, (await CliProcess.RunAsync(temp.Path, "register", "records", artifact, "--registry", registry)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(temp.Path, "promote", "records@1", "--to", "Production", "--approved-by", "alice", "--registry", registry)).ExitCode);
        foreach (var file in Directory.EnumerateFiles(registry, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        // act
        var gc = await CliProcess.RunAsync(temp.Path, "gc", "--apply", "--registry", registry, "--json");
        var resolved = await CliProcess.RunAsync(temp.Path, "resolve", "records@Production", "--registry", registry, "--json");
        var verify = await CliProcess.RunAsync(temp.Path, "verify", "--registry", registry);

        // assert
        Assert.Equal(0, gc.ExitCode);
        Assert.Empty(JsonDocument.Parse(gc.Stdout).RootElement.GetProperty("unnamed").EnumerateArray());
        Assert.Equal(0, resolved.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(resolved.Stdout).RootElement.GetProperty("version").GetInt32());
        Assert.Equal(0, verify.ExitCode);
    }
}
