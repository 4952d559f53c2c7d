using ModelRegistry.Runtime;

namespace ModelRegistry.Tests.Runtime;

public sealed class ModelLoadThreadTests
{
    [Fact]
    public async Task A_load_runs_on_a_background_thread_of_its_own_and_the_threads_it_starts_serve_at_normal_priority()
    {
        // act: a load that starts a thread, as ONNX Runtime starts its session's thread pool
        var seen = await ModelLoadThread.RunAsync(
            () =>
            {
                int? started = null;
                var child = new Thread(() => started = NiceOfThisThread());
                child.Start();
                child.Join();
                return (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground, Thread.CurrentThread.Priority, Started: started);
            },
            CancellationToken.None);

        // assert
        Assert.Equal(("Model load", false, true, ThreadPriority.BelowNormal), (seen.Name, seen.IsThreadPoolThread, seen.IsBackground, seen.Priority));
        Assert.Equal(NiceOfThisThread(), seen.Started);
    }

    [Fact]
    public async Task A_refused_load_throws_its_own_error_to_the_awaiting_caller()
    {
        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => ModelLoadThread.RunAsync<object>(() => throw Errors.VersionNotFound("FraudDetection@9", "no version 9"), CancellationToken.None));

        // assert
        Assert.Equal("MRB1004", error.Code);
    }

    [Fact]
    public async Task A_cancelled_load_never_starts()
    {
        // arrange
        var started = false;

        // act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ModelLoadThread.RunAsync(() => started = true, new CancellationToken(canceled: true)));

        // assert
        Assert.False(started);
    }

    /// <summary>The nice value of the calling thread, the 19th field of /proc/thread-self/stat; null off Linux.</summary>
    private static int? NiceOfThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
