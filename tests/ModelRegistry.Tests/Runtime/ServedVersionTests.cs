using ModelRegistry.Runtime;

namespace ModelRegistry.Tests.Runtime;

/// <summary>When a replaced version is disposed, and on which thread: never under a request, and never on the time of
/// the request that lets go of it last.</summary>
public sealed class ServedVersionTests
{
    private static readonly VersionInfo Version1 = new()
    {
        Model = "Fraud",
        Version = 1,
        Digest = "sha256:" + new string('1', 64),
        Stage = "Production",
        Aliases = [],
        Files = [],
    };

    [Fact]
    public async Task A_version_replaced_under_a_request_is_disposed_after_the_request_lets_go_and_not_on_its_time()
    {
        // arrange: a request holds the version when the slot replaces it; disposing takes until the test says so
        using var requestReturned = new ManualResetEventSlim();
        var loaded = new RecordingModel(waitFor: requestReturned);
        var served = new ServedVersion<RecordingModel>(Version1, loaded);
        Assert.True(served.TryAcquire());
        served.Release(disposeHere: true);

        // act: the request's release returns before anything is disposed, then the disposal runs elsewhere
        var disposedWhileInUse = loaded.Disposed.Task.IsCompleted;
        served.Release();
        requestReturned.Set();
        await loaded.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // assert
        Assert.False(disposedWhileInUse);
        Assert.True(loaded.WaitedForTheRequest);
        Assert.False(served.TryAcquire());
    }

    [Fact]
    public async Task A_version_no_request_holds_is_disposed_by_the_slot_at_once()
    {
        var loaded = new RecordingModel();
        var served = new ServedVersion<RecordingModel>(Version1, loaded);
        var slotThread = Environment.CurrentManagedThreadId;

        served.Release(disposeHere: true);

        Assert.True(loaded.Disposed.Task.IsCompleted);
        Assert.Equal(slotThread, await loaded.Disposed.Task);
    }

    [Fact]
    public async Task A_replaced_version_that_fails_to_dispose_fails_no_request_and_leaves_the_process_running()
    {
        // arrange
        var loaded = new RecordingModel(fail: true);
        var served = new ServedVersion<RecordingModel>(Version1, loaded);
        Assert.True(served.TryAcquire());
        served.Release(disposeHere: true);

        // act: the request's release returns; the failure happens on the thread pool, where it is caught
        served.Release();
        await loaded.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var afterwards = await Task.Run(() => "still running");

        // assert
        Assert.Equal("still running", afterwards);
    }

    private sealed class RecordingModel(bool fail = false, ManualResetEventSlim? waitFor = null) : IDisposable
    {
        public TaskCompletionSource<int> Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The disposal ran after the releasing request had returned (were it inline, it would wait in vain).</summary>
        public bool WaitedForTheRequest { get; private set; }

        public void Dispose()
        {
            WaitedForTheRequest = waitFor?.Wait(TimeSpan.FromSeconds(5)) ?? true;
            Disposed.TrySetResult(Environment.CurrentManagedThreadId);
            if (fail)
            {
                throw new InvalidOperationException("the native session could not be released");
            }
        }
    }
}
