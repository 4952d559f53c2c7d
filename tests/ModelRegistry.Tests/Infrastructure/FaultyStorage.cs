using ModelRegistry.Storage;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>What a write to <see cref="FaultyStorage"/> does instead of succeeding plainly.</summary>
public enum Fault
{
    None,

    /// <summary>The connection drops before the request reaches storage: nothing is written, the outcome is unknown.</summary>
    UnknownBeforeApplying,

    /// <summary>The request is applied, then the answer is lost: the object exists, the outcome is unknown.</summary>
    UnknownAfterApplying,

    /// <summary>The write fails plainly, as a full disk or a killed process would leave it.</summary>
    Fail,
}

/// <summary>
/// A real storage with faults injected into chosen writes, for the commit protocol's handling of ambiguous outcomes
/// (ARCHITECTURE.md rule 5) that a network backend meets and a local folder never shows on its own.
/// </summary>
public sealed class FaultyStorage(IRegistryStorage inner, Func<string, string, Fault> faultOf) : IRegistryStorage
{
    public string DisplayLocation => inner.DisplayLocation;

    public Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(path, ifNoneMatch, cancellationToken);

    public Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync("create", path, () => inner.CreateAsync(path, content, cancellationToken));

    public Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync("replace", path, () => inner.ReplaceAsync(path, content, ifMatch, cancellationToken));

    public Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        WriteAsync("upload", path, () => inner.UploadAsync(path, content, length, progress, cancellationToken));

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default) => inner.TouchAsync(path, cancellationToken);

    public Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default) => inner.DeleteIfUnchangedAsync(seen, cancellationToken);

    public IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync(CancellationToken cancellationToken = default) => inner.ReadEnclosingSettingsAsync(cancellationToken);

    private async Task<T> WriteAsync<T>(string operation, string path, Func<Task<T>> write)
    {
        switch (faultOf(operation, path))
        {
            case Fault.UnknownBeforeApplying:
                throw new StorageOutcomeUnknownException(path, new TimeoutException("injected: the request timed out"));
            case Fault.UnknownAfterApplying:
                await write();
                throw new StorageOutcomeUnknownException(path, new TimeoutException("injected: the answer was lost"));
            case Fault.Fail:
                throw new IOException($"injected: writing '{path}' failed");
            default:
                return await write();
        }
    }

    public Task RecoverInterruptedDeletesAsync(CancellationToken cancellationToken = default) => inner.RecoverInterruptedDeletesAsync(cancellationToken);
}
