using ModelRegistry.Storage;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>
/// A real storage that counts reads and can run a competing writer just before a chosen write, to stage a race
/// deterministically: "another promoter commits between my evaluation and my commit".
/// </summary>
public sealed class HookedStorage(IRegistryStorage inner) : IRegistryStorage
{
    private Func<string, Task>? beforeCreate;
    private int reads;

    public string DisplayLocation => inner.DisplayLocation;

    /// <summary>Reads of any kind (objects, properties, listings) since the last <see cref="ResetReads"/>.</summary>
    public int Reads => Volatile.Read(ref reads);

    public void ResetReads() => Interlocked.Exchange(ref reads, 0);

    /// <summary>Runs <paramref name="writer"/> once, before the first create-only write whose path matches.</summary>
    public void BeforeFirstCreate(Func<string, bool> matches, Func<Task> writer)
    {
        var fired = 0;
        beforeCreate = async path =>
        {
            if (matches(path) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                await writer();
            }
        };
    }

    public Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return inner.ReadAsync(path, ifNoneMatch, cancellationToken);
    }

    public async Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (beforeCreate is { } hook)
        {
            await hook(path);
        }

        return await inner.CreateAsync(path, content, cancellationToken);
    }

    public Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default) =>
        ReplaceFails is { } failure ? throw failure() : inner.ReplaceAsync(path, content, ifMatch, cancellationToken);

    /// <summary>When set, every cache replacement fails with this (a credential without write permission).</summary>
    public Func<Exception>? ReplaceFails { get; set; }

    public Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        inner.UploadAsync(path, content, length, progress, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return await inner.OpenReadAsync(path, cancellationToken) is { } stream ? new CountingStream(stream, this) : null;
    }

    private long bytesRead;

    /// <summary>Bytes read from streamed objects (downloads).</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    private sealed class CountingStream(Stream inner, HookedStorage owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Interlocked.Add(ref owner.bytesRead, read);
            return read;
        }
    }

    public Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return inner.GetInfoAsync(path, cancellationToken);
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return inner.ListAsync(prefix, cancellationToken);
    }

    public Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default) => inner.TouchAsync(path, cancellationToken);

    /// <summary>Runs <paramref name="writer"/> once, just before the first conditional delete: between gc's decision
    /// and its first deletion, the race gc must survive.</summary>
    public void BeforeFirstDelete(Func<Task> writer)
    {
        var fired = 0;
        beforeDelete = async () =>
        {
            if (Interlocked.Exchange(ref fired, 1) == 0)
            {
                await writer();
            }
        };
    }

    private Func<Task>? beforeDelete;

    public async Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default)
    {
        if (beforeDelete is { } hook)
        {
            await hook();
        }

        return await inner.DeleteIfUnchangedAsync(seen, cancellationToken);
    }

    public IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadEnclosingSettingsAsync(cancellationToken);

    public Task RecoverInterruptedDeletesAsync(CancellationToken cancellationToken = default) => inner.RecoverInterruptedDeletesAsync(cancellationToken);
}
