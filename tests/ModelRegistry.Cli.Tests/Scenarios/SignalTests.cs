using System.Diagnostics;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Ctrl-C and SIGTERM as users and CI runners send them, during a large registration or while the tool waits
/// where it cannot notice a cancellation: it stops with the coded cancellation (exit 1, one JSON document), and the
/// registry stays consistent.</summary>
public sealed class SignalTests : Scenario
{
    private string LargeArtifact()
    {
        var path = Temp.Combine("model.bin");
        var block = new byte[4 << 20];
        new Random(7).NextBytes(block);
        using var file = File.Create(path);
        for (var i = 0; i < 64; i++)
        {
            block[0] = (byte)i;
            file.Write(block);
        }

        return path;
    }

    /// <summary>
    /// The signal a user's Ctrl-C sends: SIGINT, unless this test run was started where SIGINT is ignored (a background
    /// job, many service managers and CI wrappers). A child inherits that, and the tool keeps it ignored as POSIX
    /// programs do (docs/decisions.md), so SIGTERM, which takes the same path in the tool, stands in for it.
    /// </summary>
    private static string Interrupt => SigIntIgnored() ? "TERM" : "INT";

    private static bool SigIntIgnored()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Starts a registration and returns once it is past start-up (it has warned that this is no git
    /// repository, which it does just before hashing and uploading 256 MiB).</summary>
    private async Task<(Process Process, Task<string> Stdout, Task<string> Stderr)> StartRegistrationAsync()
    {
        var artifact = LargeArtifact();
        var process = CliProcess.Start(Temp.Path, "register", "FraudDetection", artifact, "--registry", Registry, "--json");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains("MRB1551", StringComparison.Ordinal))
            {
                break;
            }
        }

        return (process, stdout, ReadRestAsync(process, seen));
    }

    private static async Task<string> ReadRestAsync(Process process, System.Text.StringBuilder seen) =>
        seen + await process.StandardError.ReadToEndAsync();

    private async Task AssertCancelledCleanlyAsync(Process process, Task<string> stdout, Task<string> stderr)
    {
        var result = await AssertCodedCancellationAsync(process, stdout, stderr);
        Assert.Contains("error MRB1902", result.Stderr, StringComparison.Ordinal);
        var report = await (await ModelRegistry.Registry.OpenAsync(Registry)).VerifyAsync();
        Assert.True(report.Clean, string.Join("; ", report.Problems));
        Assert.Equal(0, report.Versions);
    }

    /// <summary>Waits for the tool to end and checks it ended as a cancellation: exit 1, one JSON document with
    /// MRB1902, no stack trace.</summary>
    private static async Task<CliOutcome> AssertCodedCancellationAsync(Process process, Task<string> stdout, Task<string> stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var result = new CliOutcome(process.ExitCode, await stdout, await stderr);
        AssertNoStackTrace(result);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("MRB1902", ErrorCode(OneDocument(result.Stdout)));
        return result;
    }

    [Fact]
    public async Task Ctrl_C_during_a_large_registration_cancels_it_with_a_coded_message()
    {
        var (process, stdout, stderr) = await StartRegistrationAsync();
        using (process)
        {
            Signal(process, Interrupt);

            await AssertCancelledCleanlyAsync(process, stdout, stderr);
        }
    }

    [Fact]
    public async Task A_tool_started_with_SIGINT_ignored_keeps_ignoring_it_and_still_stops_on_SIGTERM()
    {
        // arrange: what a shell does for a background job (trap '' INT survives exec); the tool waits for a reader of
        // its output pipe, which never comes, so nothing but a signal can end it and no race decides the outcome
        await RegisterAsync("FraudDetection", "v1");
        var pipe = MakePipe();
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Temp.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("trap '' INT; exec \"$0\" \"$@\"");
        foreach (var argument in new[] { CliProcess.Host, CliProcess.Dll, "provenance", "FraudDetection@1", "--output", pipe, "--registry", Registry, "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment.Remove("GITHUB_ACTIONS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitUntilBlockedOnPipeAsync(process);

        // act
        Signal(process, "INT");
        var stillRunning = !process.WaitForExit(1500);
        Signal(process, "TERM");

        // assert
        Assert.True(stillRunning, "SIGINT ended a tool that was started with SIGINT ignored");
        await AssertCodedCancellationAsync(process, stdout, stderr);
    }

    [Fact]
    public async Task A_second_signal_ends_the_tool_at_once_with_the_same_coded_message()
    {
        var (process, stdout, stderr) = await StartRegistrationAsync();
        using (process)
        {
            Signal(process, "TERM");
            Signal(process, "TERM");

            await AssertCancelledCleanlyAsync(process, stdout, stderr);
        }
    }

    [Fact]
    public async Task Ctrl_C_ends_the_tool_while_it_waits_for_a_reader_of_its_output_pipe()
    {
        await RegisterAsync("FraudDetection", "v1");
        var pipe = MakePipe();

        // Writing into a pipe (cosign reading from it, say) blocks in open(2) until a reader comes: no await there sees
        // the cancellation, so only ending the process stops it.
        // The runtime's debugger transport waits on a FIFO of its own from start-up: without it, the only thread waiting
        // on a FIFO is the command's.
        using var process = Start(new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" }, "provenance", "FraudDetection@1", "--output", pipe, "--registry", Registry, "--json");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitUntilBlockedOnPipeAsync(process);
        Signal(process, Interrupt);

        await AssertCodedCancellationAsync(process, stdout, stderr);
    }

    private string MakePipe()
    {
        var pipe = Temp.Combine("statement.pipe");
        using var mkfifo = Process.Start("mkfifo", [pipe]);
        mkfifo.WaitForExit();
        return pipe;
    }

    /// <summary>Linux shows what a thread sleeps in: opening a FIFO waits in wait_for_partner.</summary>
    private static async Task WaitUntilBlockedOnPipeAsync(Process process)
    {
        var tasks = $"/proc/{process.Id}/task";
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var blocked = Directory.Exists(tasks) && Directory.EnumerateDirectories(tasks).Any(task =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(task, "wchan")) == "wait_for_partner";
                }
                catch (IOException)
                {
                    return false;
                }
            });
            if (blocked)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the tool never reached the pipe");
    }
}
