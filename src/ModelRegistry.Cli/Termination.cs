using System.Runtime.InteropServices;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli;

/// <summary>
/// Ctrl-C and SIGTERM: the first signal cancels the command, which stops at its next await and reports MRB1902.
/// A command blocked where it cannot see the cancellation (opening a FIFO, a stalled network share) is ended after a
/// grace period, or at once on a second signal, with the same coded message and exit code. Ending the process at any
/// instant is safe: every commit is one create-only write, so the registry is never half-written (ARCHITECTURE.md rule 6).
/// System.CommandLine's own handler is not used: it never ends a command that ignores cancellation, and a second
/// signal made it throw on the signal thread (an unhandled exception with a stack trace).
/// </summary>
internal sealed class Termination : IDisposable
{
    /// <summary>Long enough for a cancelled upload or download to delete its partial file.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;
    private readonly bool json;
    private int signals;

    public Termination(bool json)
    {
        this.json = json;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) > 1)
        {
            EndNow();
        }

        cancellation.Cancel();
        _ = Task.Delay(GracePeriod).ContinueWith(_ => EndNow(), TaskScheduler.Default);
    }

    private void EndNow()
    {
        var cancelled = Errors.Cancelled();
        CommandOutput.Final(json, cancelled.Code, cancelled.Message);
        Environment.Exit((int)ExitCode.Failure);
    }
}
