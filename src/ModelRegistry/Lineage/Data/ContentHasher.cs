using System.Buffers;
using System.Security.Cryptography;
using ModelRegistry.Content;

namespace ModelRegistry.Lineage.Data;

/// <summary>Streams one file through SHA-256. Synchronous on purpose: folders are hashed by several threads at
/// once, and synchronous reads with a large buffer are the fastest way to feed each of them.</summary>
internal static class ContentHasher
{
    private const int BufferSize = 1 << 20;

    /// <summary>The digest and size of a regular file; special files and read failures raise MRB1502.</summary>
    public static (string Digest, long Size) HashFile(string path, string shownPath, CancellationToken cancellationToken)
    {
        if (FileKinds.Of(new FileInfo(path)) == FileKind.Special)
        {
            throw LineageErrors.DataUnreadable(shownPath, FileKinds.Describe(path));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
                size += read;
            }

            return (Sha256Digest.Format(hash.GetHashAndReset()), size);
        }
        catch (FileNotFoundException)
        {
            throw LineageErrors.DataUnreadable(shownPath, "it disappeared while it was being hashed");
        }
        catch (DirectoryNotFoundException)
        {
            throw LineageErrors.DataUnreadable(shownPath, "its folder disappeared while it was being hashed");
        }
        catch (UnauthorizedAccessException)
        {
            throw LineageErrors.DataUnreadable(shownPath, "permission denied");
        }
        catch (IOException e)
        {
            throw LineageErrors.DataUnreadable(shownPath, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
