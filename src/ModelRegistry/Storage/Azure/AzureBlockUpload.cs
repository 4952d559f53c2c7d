using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// Uploads a stream create-only. Small objects go up in one Put Blob with <c>If-None-Match: *</c>. Large ones are read
/// block by block in one sequential pass (the engine's verifying stream hashes on that same pass), each block staged
/// while the next is read, at most <see cref="AzureStorageOptions.Concurrency"/> blocks in memory and in flight; the
/// Put Block List that makes the blob exist carries <c>If-None-Match: *</c>, so the commit itself is create-only and
/// a blob with the same name written meanwhile is never overwritten. Nothing is committed unless every byte was read
/// (and so verified) and every block was staged.
/// </summary>
internal static class AzureBlockUpload
{
    /// <summary>Azure's limit of committed blocks per blob.</summary>
    private const int MaxBlocks = 50_000;

    public static async Task<CreateOutcome> UploadAsync(BlockBlobClient blob, Stream content, long length, AzureStorageOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var createOnly = new BlobRequestConditions { IfNoneMatch = ETag.All };
        if (length <= options.SingleUploadLimit)
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
            try
            {
                var read = await ReadSourceAsync(content, buffer, (int)length, cancellationToken);
                await ExpectEndAsync(content, read, length, cancellationToken);
                using var stream = new MemoryStream(buffer, 0, read, writable: false);
                await blob.UploadAsync(stream, new BlobUploadOptions { Conditions = createOnly }, cancellationToken);
                progress?.Report(length);
                return CreateOutcome.Created;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var blockSize = (int)Math.Max(options.BlockSize, (length + MaxBlocks - 1) / MaxBlocks);
        var ids = await StageBlocksAsync(blob, content, length, blockSize, Math.Max(1, options.Concurrency), progress, cancellationToken);
        await blob.CommitBlockListAsync(ids, new CommitBlockListOptions { Conditions = createOnly }, cancellationToken);
        return CreateOutcome.Created;
    }

    private static async Task<List<string>> StageBlocksAsync(BlockBlobClient blob, Stream content, long length, int blockSize, int concurrency, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Block ids carry a per-upload nonce: two writers racing on one name never mix their uncommitted blocks.
        var nonce = Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long total = 0;
        long staged = 0;
        Exception? cause = null;
        try
        {
            while (true)
            {
                await slots.WaitAsync(stop.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
                int read;
                try
                {
                    read = await ReadSourceAsync(content, buffer, (int)Math.Min(blockSize, length - total), stop.Token);
                }
                catch
                {
                    Release(buffer, slots);
                    throw;
                }

                if (read == 0)
                {
                    Release(buffer, slots);
                    break;
                }

                total += read;
                var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{nonce}-{ids.Count:D8}")));
                ids.Add(id);
                inFlight.Add(StageAsync(blob, id, buffer, read, slots, stop, () => progress?.Report(Interlocked.Add(ref staged, read))));
            }

            await ExpectEndAsync(content, total, length, stop.Token);
        }
        catch (Exception e)
        {
            cause = e;
            await stop.CancelAsync();
        }

        try
        {
            await Task.WhenAll(inFlight);
        }
        catch (Exception) when (cause is not null && !(cause is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The read failed (or the caller cancelled): that is the cause; the stages were only cancelled by it.
        }

        if (cause is not null)
        {
            ExceptionDispatchInfo.Throw(cause);
        }

        return ids;
    }

    private static async Task StageAsync(BlockBlobClient blob, string id, byte[] buffer, int count, SemaphoreSlim slots, CancellationTokenSource stop, Action staged)
    {
        try
        {
            using var block = new MemoryStream(buffer, 0, count, writable: false);
            await blob.StageBlockAsync(id, block, new BlockBlobStageBlockOptions(), stop.Token);
            staged();
        }
        catch
        {
            // The first failed stage stops the reader and the other stages; the commit is never sent.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            Release(buffer, slots);
        }
    }

    private static void Release(byte[] buffer, SemaphoreSlim slots)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        slots.Release();
    }

    /// <summary>Fills the buffer up to <paramref name="count"/> bytes, fewer only at the end of the stream. Failures of the
    /// source are wrapped so the backend does not mistake a local read error for a service failure.</summary>
    private static async Task<int> ReadSourceAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        try
        {
            while (filled < count)
            {
                var read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SourceReadException(e);
        }

        return filled;
    }

    /// <summary>The source must hold exactly the announced length: a shorter or longer stream is never committed.</summary>
    private static async Task ExpectEndAsync(Stream content, long read, long length, CancellationToken cancellationToken)
    {
        var probe = new byte[1];
        if (read != length || await ReadSourceAsync(content, probe, 1, cancellationToken) != 0)
        {
            throw new SourceReadException(new InvalidDataException($"The stream to upload did not hold the {length} bytes announced."));
        }
    }

    /// <summary>A failure of the local source, carried through the upload untouched.</summary>
    internal sealed class SourceReadException(Exception inner) : Exception(inner.Message, inner);
}
