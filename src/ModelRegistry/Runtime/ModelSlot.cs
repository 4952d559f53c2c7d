using System.Runtime.ExceptionServices;

namespace ModelRegistry.Runtime;

/// <summary>
/// The version of a model a service serves now, following a stage (docs/serving.md): the core that ML.NET prediction
/// engine pools and ONNX Runtime sessions share. On first use it watches the reference with
/// <see cref="ModelRegistryClient.WatchAsync"/> and loads the version the stage names. When the watch sees the stage
/// move, the new version is loaded (and warmed, by the loader) in the background while requests keep using the old
/// one, then swapped in with one reference exchange: no request waits for a load and none fails during a swap. A
/// version the loader refuses (a schema that does not fit, a file that cannot be loaded) is reported with
/// <see cref="SwapFailed"/> and the previous version keeps serving. A replaced version is disposed (when its value is
/// <see cref="IDisposable"/>) once the last request using it lets go.
/// </summary>
/// <typeparam name="T">What one version loads into: a pool of prediction engines, an inference session.</typeparam>
public sealed class ModelSlot<T> : IAsyncDisposable
    where T : class
{
    private readonly Func<CancellationToken, Task<ModelWatch>> watchStage;
    private readonly Func<CachedModel, T> load;
    private readonly CachedModel? bundled;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim swapping = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? start;
    private ModelWatch? watch;
    private ServedVersion<T>? current;
    private Task<Exception?> swap = Task.FromResult<Exception?>(null);

    /// <param name="reference">The stage, alias or model followed (<c>FraudDetection@Production</c>), for messages.</param>
    /// <param name="watchStage">Starts the watch: resolves and pulls the first version.</param>
    /// <param name="load">Loads one cached version, checks it fits and warms it; throws a coded
    /// <see cref="RegistryException"/> to refuse it. It runs on a background thread of its own
    /// (<see cref="ModelLoadThread"/>).</param>
    /// <param name="bundled">A version shipped with the application (<see cref="BundledModel"/>), served first and
    /// kept when the registry cannot be reached; null: the first version comes from the registry.</param>
    public ModelSlot(string reference, Func<CancellationToken, Task<ModelWatch>> watchStage, Func<CachedModel, T> load, CachedModel? bundled = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(watchStage);
        ArgumentNullException.ThrowIfNull(load);
        Reference = reference;
        this.watchStage = watchStage;
        this.load = load;
        this.bundled = bundled;
    }

    /// <summary>Raised after a version was swapped in (and after the first one loaded).</summary>
    public event EventHandler<ModelSwappedEventArgs>? Swapped;

    /// <summary>Raised when the stage moved to a version that was not swapped in; the previous one keeps serving.</summary>
    public event EventHandler<ModelSwapFailedEventArgs>? SwapFailed;

    /// <summary>Raised when the stage cannot be watched (the registry cannot be reached) while the bundled version
    /// serves; it keeps serving, and <see cref="RefreshAsync"/> tries again.</summary>
    public event EventHandler<ModelWatchFailedEventArgs>? WatchFailed;

    public string Reference { get; }

    /// <summary>The version served now; null until the first use loaded one.</summary>
    public VersionInfo? Version => Volatile.Read(ref current)?.Version;

    /// <summary>Watches and loads the first version now, rather than on first use. A failure is thrown (there is no
    /// previous version to keep serving) and the next use tries again.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Started().WaitAsync(cancellationToken);

    /// <summary>The version served now, for one request: dispose the lease when the request is done. The first use
    /// waits for the first load; later ones never wait for a load.</summary>
    public ModelLease<T> Acquire()
    {
        while (true)
        {
            var served = Volatile.Read(ref current);
            if (served is null)
            {
                Started().GetAwaiter().GetResult();
            }
            else if (served.TryAcquire())
            {
                return new ModelLease<T>(served);
            }
        }
    }

    /// <summary>The same as <see cref="Acquire"/>, waiting for the first load without blocking a thread.</summary>
    public async ValueTask<ModelLease<T>> AcquireAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is null)
        {
            await StartAsync(cancellationToken);
        }

        return Acquire();
    }

    /// <summary>
    /// Checks the stage now instead of waiting for the next poll, and when it moved, waits until the new version is
    /// swapped in. Returns the version served afterwards; throws the coded error that refused the version the stage
    /// names (the previous version keeps serving).
    /// </summary>
    public async Task<VersionInfo> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        if (watch is null)
        {
            // Serving the bundled version without a watch: try to reach the registry again.
            lock (gate)
            {
                start = null;
            }

            await StartAsync(cancellationToken);
            if (watch is null)
            {
                return Version!;
            }
        }

        await watch.CheckAsync(cancellationToken);
        Task<Exception?> pending;
        lock (gate)
        {
            pending = swap;
        }

        if (await pending.WaitAsync(cancellationToken) is { } refused && watch.Current.Digest != Version?.Digest)
        {
            ExceptionDispatchInfo.Throw(refused);
        }

        return Version!;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        Task? started;
        lock (gate)
        {
            started = start;
        }

        try
        {
            if (started is not null)
            {
                await started;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RegistryException or IOException)
        {
            // A start that failed or was stopped has nothing to release.
        }

        if (watch is not null)
        {
            await watch.DisposeAsync();
        }

        await swap;
        Interlocked.Exchange(ref current, null)?.Release(disposeHere: true);
        stopping.Dispose();
        swapping.Dispose();
    }

    /// <summary>The start in progress or done; a failed start is forgotten so that the next use tries again.</summary>
    private Task Started()
    {
        lock (gate)
        {
            if (start is null || start.IsFaulted || start.IsCanceled)
            {
                start = StartCoreAsync(stopping.Token);
            }

            return start;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (bundled is not null && Volatile.Read(ref current) is null)
        {
            Serve(bundled.Version, await LoadAsync(bundled, cancellationToken));
        }

        ModelWatch started;
        try
        {
            started = await watchStage(cancellationToken);
        }
        catch (Exception e) when (Volatile.Read(ref current) is not null && e is not OperationCanceledException)
        {
            WatchFailed?.Invoke(this, new ModelWatchFailedEventArgs(e));
            return;
        }

        try
        {
            var model = started.Model ?? throw new InvalidOperationException($"The watch of {Reference} does not pull: a served model needs its files.");
            if (Volatile.Read(ref current) is null)
            {
                Serve(model.Version, await LoadAsync(model, cancellationToken));
            }

            started.Changed += (_, e) => Schedule(e.Model);
            watch = started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        // The stage may have moved since the bundled version was built, or between the first pull and the subscription.
        if (started.Model is { } latest && latest.Version.Digest != Version!.Digest)
        {
            Schedule(latest);
        }
    }

    private Task<T> LoadAsync(CachedModel model, CancellationToken cancellationToken) =>
        ModelLoadThread.RunAsync(() => load(model), cancellationToken);

    private void Serve(VersionInfo version, T value)
    {
        var first = new ServedVersion<T>(version, value);
        Volatile.Write(ref current, first);
        Swapped?.Invoke(this, new ModelSwappedEventArgs(null, first.Version));
    }

    private void Schedule(CachedModel? model)
    {
        if (model is null)
        {
            return;
        }

        lock (gate)
        {
            swap = Task.Run(() => SwapAsync(model, stopping.Token));
        }
    }

    /// <summary>Loads and swaps in one version, one swap at a time; a version a later move superseded is skipped.</summary>
    private async Task<Exception?> SwapAsync(CachedModel model, CancellationToken cancellationToken)
    {
        try
        {
            await swapping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            var serving = Volatile.Read(ref current)!;
            if (watch!.Model?.Version.Digest != model.Version.Digest || serving.Version.Digest == model.Version.Digest)
            {
                return null;
            }

            T value;
            try
            {
                value = await LoadAsync(model, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A refused or broken version never takes the service down: the previous one keeps serving.
                SwapFailed?.Invoke(this, new ModelSwapFailedEventArgs(serving.Version, model.Version, e));
                return e;
            }

            var next = new ServedVersion<T>(model.Version, value);
            var previous = Interlocked.Exchange(ref current, next);
            previous?.Release(disposeHere: true);
            Swapped?.Invoke(this, new ModelSwappedEventArgs(previous?.Version, next.Version));
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            swapping.Release();
        }
    }
}
