using System.Runtime.InteropServices;

namespace ModelRegistry.Runtime;

/// <summary>
/// Runs the load of a served version on its own background thread below the priority of the threads that serve
/// requests (docs/serving.md). Loading and warming a model is seconds of CPU at most, but on a machine with few cores it
/// competes with the requests still using the previous version: at normal priority the scheduler now and then takes a
/// request's core for a whole time slice (several milliseconds). Below normal, the load gets the cores the requests
/// leave idle, and a request that becomes runnable takes its core back at once.
/// </summary>
internal static partial class ModelLoadThread
{
    /// <summary>Linux's nice value for the load's thread: a thread at 10 gets about a tenth of a core against one at
    /// the default 0, so it still finishes under full load, only later.</summary>
    private const int LinuxNice = 10;

    public static Task<T> RunAsync<T>(Func<T> load, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerPriority();
            try
            {
                done.SetResult(load());
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
            // What lowers the thread on Windows; .NET ignores it on Linux, hence setpriority below.
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>On Linux the nice value is per thread, and <c>setpriority(PRIO_PROCESS, 0, n)</c> sets the calling
    /// thread's. Lowering needs no privilege; a failure only leaves the load at normal priority.</summary>
    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = setpriority(PrioProcess, 0, LinuxNice);
        }
    }

    private const int PrioProcess = 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int prio);
}
