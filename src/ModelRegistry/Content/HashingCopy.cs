using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace ModelRegistry.Content;

/// <summary>
/// Copies a stream while hashing it, as a three-stage pipeline: one task reads blocks ahead, the caller hashes them
/// in order, and the write of each block overlaps the hashing of the next. A verified copy then costs about as much
/// as the slowest of reading, hashing and writing alone, not their sum. Memory is bounded by the blocks in flight.
/// Content known to fit in one block (a small model, a document) is read in place, without a reader task: a pipeline
/// has nothing to overlap there, and a second busy thread competes with a service's requests (docs/serving.md).
/// </summary>
public static class HashingCopy
{
    private const int BlockSize = 4 << 20;
    private const int BlocksAhead = 3;

    /// <summary>Copies and hashes. Stops once more than <paramref name="maxBytes"/> have come (a stored file longer than
    /// its record says is not read to its end): the size returned is then larger than the limit.</summary>
    public static async Task<(string Digest, long Size)> CopyAsync(Stream source, Stream destination, IProgress<long>? progress = null, long maxBytes = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var blocks = Channel.CreateBounded<(byte[] Buffer, int Length)>(new BoundedChannelOptions(BlocksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var blockSize = BlockSizeFor(source, maxBytes);
        var reader = blockSize < BlockSize
            ? ReadBlocksAsync(source, blockSize, maxBytes, blocks.Writer, stop.Token)
            : Task.Run(() => ReadBlocksAsync(source, blockSize, maxBytes, blocks.Writer, stop.Token), stop.Token);
        var pendingWrite = Task.CompletedTask;
        byte[]? pendingBuffer = null;
        long total = 0;
        try
        {
            await foreach (var (buffer, length) in blocks.Reader.ReadAllAsync(stop.Token))
            {
                hash.AppendData(buffer, 0, length);
                await pendingWrite;
                Return(ref pendingBuffer);
                pendingBuffer = buffer;
                pendingWrite = destination.WriteAsync(buffer.AsMemory(0, length), stop.Token).AsTask();
                total += length;
                progress?.Report(total);
                if (total > maxBytes)
                {
                    await stop.CancelAsync();
                    await Task.WhenAll(reader, pendingWrite).ContinueWith(_ => { }, TaskScheduler.Default);
                    return (Sha256Digest.Format(hash.GetHashAndReset()), total);
                }
            }

            await pendingWrite;
            await reader;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(reader, pendingWrite).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        finally
        {
            Return(ref pendingBuffer);
        }

        return (Sha256Digest.Format(hash.GetHashAndReset()), total);
    }

    /// <summary>Blocks no larger than what can come: the bytes left in a seekable source or the limit, and one byte
    /// more to see a longer one. A 4 KB model copied through a 4 MiB block would leave 4 MiB of garbage whenever the
    /// shared pool has no block at hand, and a collection in the middle of a served model's swap (docs/serving.md).</summary>
    internal static int BlockSizeFor(Stream source, long maxBytes)
    {
        var coming = source.CanSeek ? Math.Min(maxBytes, Math.Max(0, source.Length - source.Position)) : maxBytes;
        return (int)Math.Min(BlockSize - 1, coming) + 1;
    }

    private static async Task ReadBlocksAsync(Stream source, int blockSize, long maxBytes, ChannelWriter<(byte[] Buffer, int Length)> blocks, CancellationToken cancellationToken)
    {
        try
        {
            // Past the limit the copy stops: reading on would only fill blocks no one hashes.
            for (long total = 0; total <= maxBytes;)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
                var filled = 0;
                int read;
                while (filled < blockSize && (read = await source.ReadAsync(buffer.AsMemory(filled, blockSize - filled), cancellationToken)) > 0)
                {
                    filled += read;
                }

                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                await blocks.WriteAsync((buffer, filled), cancellationToken);
                total += filled;
                if (filled < blockSize)
                {
                    break;
                }
            }

            blocks.Complete();
        }
        catch (Exception e)
        {
            blocks.Complete(e);
        }
    }

    private static void Return(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
