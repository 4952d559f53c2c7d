using System.Diagnostics;
using Xunit.Abstractions;

namespace ModelRegistry.Cli.Tests.Processes;

/// <summary>ARCHITECTURE.md rule 6: a crash at any instant leaves a consistent registry.</summary>
[Collection(ProcessTestGroup.Name)]
public sealed class KilledRegistrationProcessTests(ITestOutputHelper log) : IDisposable
{
    private const int Trials = 50;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A version of three files, one of them large enough that a kill can land in its upload.</summary>
    private string Artifact(int trial)
    {
        var random = new Random(trial);
        var weights = new byte[768 * 1024];
        random.NextBytes(weights);
        temp.WriteFile($"artifacts/{trial}/weights.bin", weights);
        temp.WriteFile($"artifacts/{trial}/vocab.txt", System.Text.Encoding.UTF8.GetBytes($"vocabulary {trial}\n"));
        temp.WriteFile($"artifacts/{trial}/config/model.json", System.Text.Encoding.UTF8.GetBytes($$"""{"trial": {{trial}}}"""));
        return temp.Combine("artifacts", trial.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_registering_process_killed_at_random_moments_always_leaves_verify_clean()
    {
        var registry = temp.Combine("registry");
        var random = new Random(20261128);

        // The duration of a whole registration, measured here, spreads the kills over start-up, hashing, upload and commit.
        var clock = Stopwatch.StartNew();
        var calibration = await CliProcess.RunAsync(temp.Path, "register", "FraudDetection", Artifact(-1), "--registry", registry, "--json");
        var whole = clock.Elapsed;
        Assert.True(calibration.ExitCode == 0, calibration.Stderr);

        var killed = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            using var process = CliProcess.Start(temp.Path, "register", "FraudDetection", Artifact(trial), "--registry", registry, "--json");
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * whole.TotalMilliseconds * 1.1);
            if (!process.WaitForExit(delay))
            {
                // Process.Kill sends SIGKILL on Unix: no handler, no finally block, no flush runs in the victim.
                process.Kill(entireProcessTree: false);
                killed++;
            }

            await process.WaitForExitAsync();
            await drain;

            var report = await (await ModelRegistry.Registry.OpenAsync(registry)).VerifyAsync();
            Assert.True(report.Clean, $"trial {trial} (killed after {delay.TotalMilliseconds:F0} ms): " + string.Join("; ", report.Problems));
            await AssertVersionsAreContiguousAsync(registry, trial);
        }

        var survivors = (await (await ModelRegistry.Registry.OpenAsync(registry)).ListVersionsAsync("FraudDetection")).Count - 1;
        log.WriteLine($"{killed} of {Trials} processes killed mid-flight; {survivors} registrations committed; a whole registration took {whole.TotalMilliseconds:F0} ms.");
        Assert.True(killed >= Trials / 3, $"only {killed} of {Trials} processes were killed before they finished: the kills did not land mid-flight");

        // The registry stays usable: the next registration gets the next number and gc clears what the victims left.
        var after = await (await ModelRegistry.Registry.OpenAsync(registry)).ListVersionsAsync("FraudDetection");
        var next = await CliProcess.RunAsync(temp.Path, "register", "FraudDetection", Artifact(1000), "--registry", registry, "--json");
        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Contains($"\"version\": {after.Count + 1},", next.Stdout, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(registry, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        var gc = await CliProcess.RunAsync(temp.Path, "gc", "--registry", registry, "--grace", "1h", "--apply", "--json");
        Assert.True(gc.ExitCode == 0, gc.Stdout + gc.Stderr);
        var final = await (await ModelRegistry.Registry.OpenAsync(registry)).VerifyAsync();
        Assert.True(final.Clean, string.Join("; ", final.Problems));
        Assert.Equal(after.Count + 1, final.Versions);
    }

    private static async Task AssertVersionsAreContiguousAsync(string registry, int trial)
    {
        var opened = await ModelRegistry.Registry.OpenAsync(registry);
        var history = await opened.HistoryAsync("FraudDetection");
        var versions = await opened.ListVersionsAsync("FraudDetection");
        Assert.True(
            versions.Select(v => v.Version).SequenceEqual(Enumerable.Range(1, versions.Count)),
            $"trial {trial}: versions {string.Join(",", versions.Select(v => v.Version))}");
        Assert.Equal(Enumerable.Range(1, history.Count).Select(r => (long)r), history.Select(e => e.Revision));
    }
}
