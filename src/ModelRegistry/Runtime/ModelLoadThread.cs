namespace ModelRegistry.Runtime;

/// <summary>
/// Runs the load of a served version on a background thread of its own (docs/serving.md). Loading and warming a large
/// model takes seconds of CPU, which on a thread-pool thread would hold a thread the service's requests need and make
/// the pool inject more. The thread asks for below-normal priority, which Windows honours. Linux ignores .NET's thread
/// priorities, and a higher nice value is deliberately not set there: the threads a load starts inherit it for good
/// (ONNX Runtime creates a session's thread pool while it loads, and the .NET thread pool may add a worker from the
/// thread that queues work), so requests would later run on them at low priority; and it measured no better.
/// <para>
/// A thread is started for each load rather than kept for the next one, which would save starting it: on Linux a thread
/// woken from a wait may take the core of a busy request thread at once, where a new thread queues behind the threads
/// already running. Measured with the serving benchmark on 2 cores, a kept thread brought the runs under the target
/// from 13 of 16 down to 3 of 16, its load interrupting a request for a whole scheduler tick (4 ms).
/// </para>
/// </summary>
internal static class ModelLoadThread
{
    public static Task<T> RunAsync<T>(Func<T> load, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
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
            Name = "Model load",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return done.Task;
    }
}
