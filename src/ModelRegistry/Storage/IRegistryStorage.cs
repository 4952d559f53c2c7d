namespace ModelRegistry.Storage;

/// <summary>
/// The small storage surface every backend implements. Paths are relative, '/'-separated and already validated
/// by the engine. The engine's correctness rests on <see cref="CreateAsync"/> being create-only and atomic:
/// either the whole content appears under the name, or the call reports that the name already existed.
/// </summary>
public interface IRegistryStorage
{
    /// <summary>A description of the location for messages, with every credential removed.</summary>
    string DisplayLocation { get; }

    /// <summary>Reads a small object. Returns null when it does not exist, or a not-modified answer when
    /// <paramref name="ifNoneMatch"/> still matches.</summary>
    Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a small object only if the name does not exist yet: the one commit primitive.
    /// Throws <see cref="StorageOutcomeUnknownException"/> when the write may or may not have happened.</summary>
    Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Replaces a cache object when its ETag still matches (<paramref name="ifMatch"/>), or creates it
    /// when <paramref name="ifMatch"/> is null and it does not exist. Returns false when the condition failed.
    /// Only for caches: the truth is never rewritten.</summary>
    Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Uploads a large object create-only, streaming from <paramref name="content"/>.
    /// Returns <see cref="CreateOutcome.AlreadyExists"/> when the name already existed.</summary>
    Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored object for streaming reads, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Size, ETag and time of an object, or null when it does not exist.</summary>
    Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Every object whose path starts with <paramref name="prefix"/> (a folder path ending in '/').</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Marks an existing object as just used, so its age starts again (its ETag changes too). Returns false when
    /// the object does not exist. Registration refreshes a file it reuses before the commit that names it, so garbage
    /// collection, which removes only old unnamed files, never removes a file a commit is about to name.</summary>
    Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object only if it is still the one <paramref name="seen"/> describes (same ETag); returns
    /// false when it changed or is gone. Used only by garbage collection: a file touched after gc looked at it stays.</summary>
    Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default);

    /// <summary>Undoes what a gc killed inside <see cref="DeleteIfUnchangedAsync"/> left half-done, before a gc deletes
    /// anything. A backend whose conditional delete is one request (Azure) has nothing to undo.</summary>
    Task RecoverInterruptedDeletesAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The registry.json of every location that encloses this one (parent folders, shorter Azure prefixes in
    /// the same container), nearest first, with each location's display name. A registry is never created inside
    /// another: the outer one would take the inner one's files for its own.</summary>
    IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync(CancellationToken cancellationToken = default);
}
