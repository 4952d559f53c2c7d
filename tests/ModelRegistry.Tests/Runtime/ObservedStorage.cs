using ModelRegistry.Storage;

namespace ModelRegistry.Tests.Runtime;

/// <summary>A real storage that counts the small-object reads that transferred content, and can be made unreachable.</summary>
public sealed class ObservedStorage(IRegistryStorage inner) : IRegistryStorage
{
    private int contentReads;

    /// <summary>Reads of a path ending in <c>state.json</c> that returned content (not "not modified").</summary>
    public int StateDownloads => contentReads;

    /// <summary>Every path read with <see cref="ReadAsync"/> and every prefix listed, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Operations { get; } = new();

    public bool Unreachable { get; set; }

    public string DisplayLocation => inner.DisplayLocation;

    public async Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        Check();
        Operations.Enqueue($"read {path}");
        var stored = await inner.ReadAsync(path, ifNoneMatch, cancellationToken);
        if (stored is { NotModified: false } && path.EndsWith("state.json", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref contentReads);
        }

        return stored;
    }

    public Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Checked(() => inner.CreateAsync(path, content, cancellationToken));

    public Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default) =>
        Checked(() => inner.ReplaceAsync(path, content, ifMatch, cancellationToken));

    public Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Checked(() => inner.UploadAsync(path, content, length, progress, cancellationToken));

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) =>
        Checked(() => inner.OpenReadAsync(path, cancellationToken));

    public Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) =>
        Checked(() => inner.GetInfoAsync(path, cancellationToken));

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        Check();
        Operations.Enqueue($"list {prefix}");
        return inner.ListAsync(prefix, cancellationToken);
    }

    public Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default) =>
        Checked(() => inner.TouchAsync(path, cancellationToken));

    public Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default) =>
        Checked(() => inner.DeleteIfUnchangedAsync(seen, cancellationToken));

    public IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadEnclosingSettingsAsync(cancellationToken);

    private Task<T> Checked<T>(Func<Task<T>> operation)
    {
        Check();
        return operation();
    }

    private Task Checked(Func<Task> operation)
    {
        Check();
        return operation();
    }

    private void Check()
    {
        if (Unreachable)
        {
            throw new IOException("The registry is unreachable.");
        }
    }
}
