using ModelRegistry.Naming;

namespace ModelRegistry.Runtime;

/// <summary>
/// Follows a moving reference (<c>FraudDetection@Production</c>, an alias, or the latest version) by polling. A poll
/// costs one conditional read of the model's state (an ETag revalidation: nothing is downloaded when nothing moved)
/// and one probe for a newer revision; when the reference names another version, the watch pulls it into the cache
/// (unless told not to) and raises <see cref="Changed"/>. A failed poll raises <see cref="Failed"/> and keeps the
/// current version.
/// </summary>
public sealed class ModelWatch : IAsyncDisposable
{
    private readonly ModelRegistryClient client;
    private readonly bool pull;
    private readonly SemaphoreSlim checking = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    internal ModelWatch(ModelRegistryClient client, string reference, bool pull)
    {
        var parsed = ModelReference.Parse(reference);
        if (parsed.Kind is not (ReferenceKind.Name or ReferenceKind.Latest))
        {
            throw Errors.WatchStageRequired(reference);
        }

        this.client = client;
        this.pull = pull;
        Reference = reference;
    }

    /// <summary>Raised after the reference moved (and, when pulling, after the new version is in the cache).</summary>
    public event EventHandler<ModelChangedEventArgs>? Changed;

    public event EventHandler<ModelWatchFailedEventArgs>? Failed;

    public string Reference { get; }

    /// <summary>The version the reference named at the last successful poll.</summary>
    public VersionInfo Current { get; private set; } = null!;

    /// <summary>The cached files of <see cref="Current"/>, when the watch pulls.</summary>
    public CachedModel? Model { get; private set; }

    /// <summary>Polls once now; true when the reference moved. Polls never overlap.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        await checking.WaitAsync(cancellationToken);
        try
        {
            var latest = await client.ResolveAsync(Reference, cancellationToken);
            if (latest.Digest == Current.Digest)
            {
                return false;
            }

            var model = pull ? await client.PullAsync(latest, cancellationToken) : null;
            var previous = Current;
            (Current, Model) = (latest, model);
            Changed?.Invoke(this, new ModelChangedEventArgs(previous, latest, model));
            return true;
        }
        finally
        {
            checking.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        checking.Dispose();
    }

    /// <summary>Resolves (and pulls) the first version, so a service fails at start when it cannot get its model,
    /// then polls every <paramref name="interval"/>.</summary>
    internal async Task StartAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        Current = await client.ResolveAsync(Reference, cancellationToken);
        Model = pull ? await client.PullAsync(Current, cancellationToken) : null;
        loop = PollAsync(interval, time, stopping.Token);
    }

    private async Task PollAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await CheckAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed?.Invoke(this, new ModelWatchFailedEventArgs(e));
            }
        }
    }
}
