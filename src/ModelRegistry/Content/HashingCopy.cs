using System.Buffers;
using System.Security.Cryptography;

namespace ModelRegistry.Content;

/// <summary>Copies a stream while hashing it, with the write of one block overlapping the read and hash of the
/// next, so verification costs little more than the copy itself.</summary>
public static class HashingCopy
{
    private const int BlockSize = 4 << 20;

    public static async Task<(string Digest, long Size)> CopyAsync(Stream source, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BlockSize), ArrayPool<byte>.Shared.Rent(BlockSize)];
        var pendingWrite = Task.CompletedTask;
        long total = 0;
        try
        {
            for (var turn = 0; ; turn ^= 1)
            {
                var buffer = buffers[turn];
                var read = await ReadBlockAsync(source, buffer, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await pendingWrite;
                pendingWrite = destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask();
                total += read;
                progress?.Report(total);
            }

            await pendingWrite;
        }
        finally
        {
            foreach (var buffer in buffers)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return (Sha256Digest.Format(hash.GetHashAndReset()), total);
    }

    private static async Task<int> ReadBlockAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < BlockSize)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
