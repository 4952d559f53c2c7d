using System.Security.Cryptography;

namespace ModelRegistry.Content;

/// <summary>
/// Wraps a source being uploaded under its content address and fails the read at the end when the bytes do not
/// match the digest computed earlier (the file changed between hashing and upload). Backends commit an upload
/// only after the last read succeeded, so a changed file never lands under the wrong name.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, string expectedDigest, long expectedSize, string displayPath) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedSize;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        hash.AppendData(data);
        position += data.Length;
        var truncated = data.Length == 0 && position < expectedSize;
        if (position > expectedSize || truncated)
        {
            throw Errors.ArtifactUnreadable(displayPath, "it changed while it was being stored; nothing was registered");
        }

        // Checked when the last byte arrives: uploaders that read exactly Length bytes never ask for more.
        if (position == expectedSize && !verified)
        {
            verified = true;
            if (Sha256Digest.Format(hash.GetCurrentHash()) != expectedDigest)
            {
                throw Errors.ArtifactUnreadable(displayPath, "it changed while it was being stored; nothing was registered");
            }
        }

        return data.Length;
    }
}
