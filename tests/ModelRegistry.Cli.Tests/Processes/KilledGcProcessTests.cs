using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelRegistry.Retention;
using Xunit.Abstractions;

namespace ModelRegistry.Cli.Tests.Processes;

/// <summary>
/// gc --apply processes killed (SIGKILL) at random moments while they purge and delete, racing a registration that
/// reuses the weights of a version being purged: the next gc finishes the work, every acknowledged version that no
/// purge names is pullable, and verify is clean.
/// </summary>
[Collection(ProcessTestGroup.Name)]
public sealed class KilledGcProcessTests(ITestOutputHelper log) : IDisposable
{
    private const int Trials = 12;
    private const int Versions = 30;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<(string Registry, string FirstWeights)> SetUpAsync(int trial)
    {
        var registry = temp.Combine($"registry-{trial}");
        var opened = await Registry.OpenAsync(registry);
        string? first = null;
        for (var version = 1; version <= Versions; version++)
        {
            var weights = temp.WriteFile($"artifacts/{trial}/{version}/model.bin", System.Text.Encoding.UTF8.GetBytes($"trial {trial} weights {version}"));
            var config = temp.WriteFile($"artifacts/{trial}/{version}/config.json", System.Text.Encoding.UTF8.GetBytes($$"""{"version": {{version}}}"""));
            await opened.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [weights, config] });
            first ??= weights;
        }

        await opened.SetRetentionAsync(new RetentionChange { Policy = new RetentionPolicy { KeepLast = 1 } });
        foreach (var file in Directory.EnumerateFiles(registry, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        return (registry, first!);
    }

    [Fact]
    public async Task A_gc_killed_at_random_moments_never_loses_an_acknowledged_version()
    {
        var random = new Random(20261205);
        var (calibration, _) = await SetUpAsync(-1);
        var clock = Stopwatch.StartNew();
        var whole = await CliProcess.RunAsync(temp.Path, "gc", "--apply", "--registry", calibration, "--json");
        var duration = clock.Elapsed;
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        var killed = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var (registry, firstWeights) = await SetUpAsync(trial);
            var beside = temp.WriteFile($"artifacts/{trial}/beside.bin", System.Text.Encoding.UTF8.GetBytes($"beside {trial}"));
            using var gc = CliProcess.Start(temp.Path, "gc", "--apply", "--registry", registry, "--json");
            var drain = Task.WhenAll(gc.StandardOutput.ReadToEndAsync(), gc.StandardError.ReadToEndAsync());
            var register = CliProcess.RunAsync(temp.Path, "register", "M", firstWeights, beside, "--registry", registry, "--json");
            var delay = TimeSpan.FromMilliseconds((0.4 + (random.NextDouble() * 0.7)) * duration.TotalMilliseconds);
            if (!gc.WaitForExit(delay))
            {
                gc.Kill(entireProcessTree: false);
                killed++;
            }

            await gc.WaitForExitAsync();
            await drain;
            var registered = await register;
            Assert.True(registered.ExitCode == 0, registered.Stderr);
            var acknowledged = JsonDocument.Parse(registered.Stdout).RootElement.GetProperty("version").GetInt32();

            var next = await CliProcess.RunAsync(temp.Path, "gc", "--apply", "--registry", registry, "--json");
            Assert.True(next.ExitCode == 0, $"trial {trial}: {next.Stderr}");
            await AssertAnswersAsync(registry, trial, acknowledged);
        }

        log.WriteLine($"{killed} of {Trials} gc processes killed mid-run; a whole gc took {duration.TotalMilliseconds:F0} ms.");
        Assert.True(killed >= Trials / 3, $"only {killed} of {Trials} gc processes were killed before they finished");
    }

    private async Task AssertAnswersAsync(string registry, int trial, int acknowledged)
    {
        var opened = await Registry.OpenAsync(registry);
        for (var version = 1; version <= acknowledged; version++)
        {
            var info = await opened.ResolveAsync($"M@{version}");
            var output = temp.Combine("pulled", $"{trial}-{version}");
            if (info.PurgedBy is not null)
            {
                Assert.Equal("MRB1230", (await Assert.ThrowsAsync<RegistryException>(() => opened.PullAsync($"M@{version}", output))).Code);
                continue;
            }

            await opened.PullAsync($"M@{version}", output);
            var expected = version == acknowledged ? $"trial {trial} weights 1" : $"trial {trial} weights {version.ToString(CultureInfo.InvariantCulture)}";
            Assert.Equal(expected, File.ReadAllText(Path.Combine(output, "model.bin")));
        }

        Assert.Null((await opened.ResolveAsync($"M@{acknowledged}")).PurgedBy);
        var report = await opened.VerifyAsync();
        Assert.True(report.Clean, $"trial {trial}: " + string.Join("; ", report.Problems));
    }
}
