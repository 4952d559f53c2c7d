using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace ModelRegistry.Content;

/// <summary>
/// Copies a stream while hashing it, as a three-stage pipeline: one task reads blocks ahead, the caller hashes them
/// in order, and the write of each block overlaps the hashing of the next. A verified copy then costs about as much
/// as the slowest of reading, hashing and writing alone, not their sum. Memory is bounded by the blocks in flight.
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
        var reader = Task.Run(() => ReadBlocksAsync(source, blocks.Writer, stop.Token), stop.Token);
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

    private static async Task ReadBlocksAsync(Stream source, ChannelWriter<(byte[] Buffer, int Length)> blocks, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
                var filled = 0;
                int read;
                while (filled < BlockSize && (read = await source.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken)) > 0)
                {
                    filled += read;
                }

                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                await blocks.WriteAsync((buffer, filled), cancellationToken);
                if (filled < BlockSize)
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
