namespace ModelRegistry.Runtime;

/// <summary>
/// Makes the <see cref="ModelSlot{T}"/>s of one set of <see cref="ModelServingOptions"/>: they share one client, opened
/// on first use (a failed open is tried again at the next use), so its registry snapshot serves every watch.
/// </summary>
public sealed class ModelServingSource
{
    private readonly ModelServingOptions options;
    private readonly Lock gate = new();
    private Task<ModelRegistryClient>? client;

    public ModelServingSource(ModelServingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        this.options = options;
    }

    /// <summary>A slot following <paramref name="reference"/>, loading each version with <paramref name="load"/>,
    /// starting with the <paramref name="bundled"/> version when one is given.</summary>
    public ModelSlot<T> Slot<T>(string reference, Func<CachedModel, T> load, CachedModel? bundled = null)
        where T : class =>
        new(reference, cancellationToken => WatchAsync(reference, cancellationToken), load, bundled);

    private async Task<ModelWatch> WatchAsync(string reference, CancellationToken cancellationToken)
    {
        var opened = await ClientAsync().WaitAsync(cancellationToken);
        return await opened.WatchAsync(reference, options.PollInterval, pull: true, options.Time, cancellationToken);
    }

    private Task<ModelRegistryClient> ClientAsync()
    {
        lock (gate)
        {
            if (client is null || client.IsFaulted || client.IsCanceled)
            {
                client = options.Client is { } given
                    ? Task.FromResult(given)
                    : ModelRegistryClient.OpenAsync(options.Registry, options.Cache, options.Trust);
            }

            return client;
        }
    }
}
