using ModelRegistry.Manifest;
using ModelRegistry.Storage;

namespace ModelRegistry.Content;

/// <summary>
/// The content-addressed artifact store: <c>blobs/sha256/&lt;2 hex&gt;/&lt;64 hex&gt;</c>, written create-only,
/// deduplicated by digest and size, verified on every read.
/// </summary>
public sealed class BlobStore(IRegistryStorage storage)
{
    /// <summary>Stores a local file already hashed. Returns the number of bytes uploaded (0 when deduplicated).</summary>
    public async Task<long> PutAsync(string localPath, ArtifactFile file, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = RegistryPaths.Blob(file.Digest);
        var existing = await storage.GetInfoAsync(path, cancellationToken);
        if (existing is not null && existing.Size == file.Size)
        {
            // Reused: possibly an old orphan that gc may take. Refreshing it makes it young again before the commit
            // that will name it; if gc took it meanwhile, upload it again.
            if (await storage.TouchAsync(path, cancellationToken))
            {
                return 0;
            }

            existing = null;
        }

        if (existing is not null)
        {
            throw Errors.CorruptEntry(path, $"it holds {existing.Size} bytes where {file.Size} are expected");
        }

        Stream source;
        try
        {
            source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.ArtifactUnreadable(localPath, e.Message);
        }

        await using var verifying = new VerifyingReadStream(source, file.Digest, file.Size, localPath);
        try
        {
            var outcome = await storage.UploadAsync(path, verifying, file.Size, progress, cancellationToken);
            return outcome == CreateOutcome.Created ? file.Size : 0;
        }
        catch (StorageOutcomeUnknownException)
        {
            // Content-addressed: whoever wrote the name wrote these bytes, so existence with the right size settles it.
            var info = await storage.GetInfoAsync(path, cancellationToken);
            return info is not null && info.Size == file.Size ? file.Size : throw Errors.OutcomeUnknown($"uploading {localPath}", path);
        }
    }

    /// <summary>
    /// Copies a stored file to <paramref name="destination"/>, verifying size and digest on the way. The bytes go to a
    /// temporary file beside the destination first; a file that fails verification is deleted, never left behind.
    /// </summary>
    public async Task GetAsync(ArtifactFile file, string destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = RegistryPaths.Blob(file.Digest);
        await using var source = await storage.OpenReadAsync(path, cancellationToken) ?? throw Errors.BlobMissing(file.Digest, file.Path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        try
        {
            (string Digest, long Size) actual;
            // Unbuffered (the copy writes whole 4 MiB blocks) and preallocated to the known size, so the file system
            // reserves the space once instead of growing the file block by block.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous, PreallocationSize = file.Size };
            await using (var target = new FileStream(temporary, options))
            {
                // One byte past the recorded size is enough to know the stored file is wrong: never read further.
                actual = await HashingCopy.CopyAsync(source, target, progress, maxBytes: file.Size, cancellationToken: cancellationToken);
            }

            if (actual.Size != file.Size || actual.Digest != file.Digest)
            {
                throw Errors.DigestMismatch(file.Path, $"{file.Digest} ({file.Size} bytes)", $"{actual.Digest} ({actual.Size} bytes)");
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Re-reads a stored file and checks it against its name; used by verify.</summary>
    public async Task<string?> CheckAsync(string digest, long? expectedSize, CancellationToken cancellationToken = default)
    {
        var path = RegistryPaths.Blob(digest);
        await using var source = await storage.OpenReadAsync(path, cancellationToken);
        if (source is null)
        {
            return "missing";
        }

        var (actual, size) = await HashingCopy.CopyAsync(source, Stream.Null, null, cancellationToken: cancellationToken);
        if (expectedSize is { } expected && size != expected)
        {
            return $"holds {size} bytes, {expected} expected";
        }

        return actual == digest ? null : $"content hashes to {actual}";
    }
}
