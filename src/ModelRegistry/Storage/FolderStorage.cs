using System.Globalization;
using System.Runtime.CompilerServices;
using ModelRegistry.Content;

namespace ModelRegistry.Storage;

/// <summary>
/// The embedded default backend: a registry in a local or network folder. Every object is written to a temporary
/// file under <c>.tmp/</c>, flushed to disk, and then published create-only by <see cref="AtomicPublish"/>.
/// Caches (<see cref="ReplaceAsync"/>) are replaced by an atomic rename under a lock file.
/// </summary>
public sealed class FolderStorage : IRegistryStorage
{
    private const string TemporaryFolder = ".tmp";
    private readonly string root;

    public FolderStorage(string root)
    {
        this.root = Path.GetFullPath(root);
    }

    public string DisplayLocation => root;

    public string Root => root;

    public Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        try
        {
            RefuseSpecial(path, full);
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);

            // The ETag comes from the open handle, not the name: a replacement renamed in meanwhile must not lend its
            // ETag to the content read here, or a later If-None-Match would keep this stale content as "not modified".
            if (stream.Length > StoredObject.MaxBytes)
            {
                throw Errors.ObjectTooLarge(path, stream.Length, StoredObject.MaxBytes);
            }

            var etag = ETagOf(File.GetLastWriteTimeUtc(stream.SafeFileHandle), stream.Length);
            if (ifNoneMatch is not null && ifNoneMatch == etag)
            {
                return Task.FromResult<StoredObject?>(StoredObject.Unchanged(etag));
            }

            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            return Task.FromResult<StoredObject?>(new StoredObject(content, etag));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
    }

    public async Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (File.Exists(full))
        {
            return CreateOutcome.AlreadyExists;
        }

        var temporary = await WriteTemporaryAsync(async s => await s.WriteAsync(content, cancellationToken), cancellationToken);
        DirectorySync.CreateDirectory(Path.GetDirectoryName(full)!);
        return AtomicPublish.Publish(temporary, full);
    }

    public async Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        DirectorySync.CreateDirectory(Path.GetDirectoryName(full)!);
        if (ifMatch is null)
        {
            return await CreateAsync(path, content, cancellationToken) == CreateOutcome.Created;
        }

        var temporary = await WriteTemporaryAsync(async s => await s.WriteAsync(content, cancellationToken), cancellationToken);
        try
        {
            // The lock makes compare-and-rename one step among cooperating writers; the rename itself is atomic for readers.
            using var gate = await AcquireLockAsync(full + ".lock", cancellationToken);
            var current = new FileInfo(full);
            if (!current.Exists || ETagOf(current) != ifMatch)
            {
                return false;
            }

            // The ETag is time and size: the replacement's time must differ from the replaced one even when both were
            // written within one tick of a coarse file-system clock, or a stale If-Match would still match.
            var previous = current.LastWriteTimeUtc;
            var now = DateTime.UtcNow;
            File.SetLastWriteTimeUtc(temporary, now > previous ? now : previous.AddTicks(1));
            File.Move(temporary, full, overwrite: true);
            DirectorySync.SyncParentOf(full);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (File.Exists(full))
        {
            return CreateOutcome.AlreadyExists;
        }

        var temporary = await WriteTemporaryAsync(s => StreamCopy.CopyAsync(content, s, progress, cancellationToken), cancellationToken);
        DirectorySync.CreateDirectory(Path.GetDirectoryName(full)!);
        return AtomicPublish.Publish(temporary, full);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            // Unbuffered: every reader copies in blocks of its own (HashingCopy, StreamCopy, the Azure SDK's upload), and
            // a 1 MiB buffer would be allocated for each file read, a small model's included.
            var full = Resolve(path);
            RefuseSpecial(path, full);
            Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>The registry writes only regular files, and opening a named pipe blocks until a writer appears: one
    /// planted under a registry name (or a link to one) is damage, refused before it is opened (MRB1103).</summary>
    private static void RefuseSpecial(string path, string full)
    {
        if (FileKinds.OfTarget(full) == FileKind.Special)
        {
            throw Errors.CorruptEntry(path, "it is a named pipe, socket or device, not a file the registry wrote");
        }
    }

    public Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(Resolve(path));
        return Task.FromResult(info.Exists ? ToInfo(path, info) : null);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = Resolve(prefix.TrimEnd('/'));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(".lock", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var info = new FileInfo(file);
            if (info.Exists)
            {
                yield return ToInfo(relative, info);
            }
        }

        await Task.CompletedTask;
    }

    public Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            File.SetLastWriteTimeUtc(Resolve(path), DateTime.UtcNow);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }
    }

    public Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var full = Resolve(seen.Path);
        var folder = Path.Combine(root, TemporaryFolder);
        Directory.CreateDirectory(folder);
        RecoverInterruptedDeletions();
        // The name carries the path, so a gc killed before it could put a refreshed file back lets the next one do it.
        var doomed = Path.Combine(folder, $"{DoomedPrefix}{Guid.NewGuid():N}~{seen.Path.Replace('/', '~')}");
        try
        {
            // A rename is atomic: once the file is out of its name no writer can refresh it there (a writer that tries
            // finds it missing and uploads it again), so what is compared below is final.
            File.Move(full, doomed, overwrite: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        var now = new FileInfo(doomed);
        if (!now.Exists)
        {
            // Another gc starting up put it back (it recovers what a killed gc left): it stays.
            return Task.FromResult(false);
        }

        if (ETagOf(now) == seen.ETag)
        {
            File.Delete(doomed);
            DirectorySync.SyncParentOf(full);
            return Task.FromResult(true);
        }

        // Refreshed by a writer after gc looked at it: put it back, create-only (a writer may already have put the
        // same content-addressed bytes back, which is just as good).
        AtomicPublish.Publish(doomed, full);
        return Task.FromResult(false);
    }

    private const string DoomedPrefix = "gc-";
    private int recovered;

    /// <summary>
    /// Puts back, create-only, every artifact file or record that a killed gc had moved out of its name and not yet
    /// compared: it may have been refreshed by a writer whose commit names it. A file that was really garbage becomes an
    /// orphan again, which the next gc removes. Runs once per process, when gc starts and before its first deletion.
    /// </summary>
    public Task RecoverInterruptedDeletesAsync(CancellationToken cancellationToken = default)
    {
        RecoverInterruptedDeletions();
        return Task.CompletedTask;
    }

    private void RecoverInterruptedDeletions()
    {
        if (Interlocked.Exchange(ref recovered, 1) == 1)
        {
            return;
        }

        var folder = Path.Combine(root, TemporaryFolder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateFiles(folder, DoomedPrefix + "*"))
        {
            var name = Path.GetFileName(leftover);
            var separator = name.IndexOf('~', StringComparison.Ordinal);
            var original = separator < 0 ? "" : name[(separator + 1)..].Replace('~', '/');
            if (Manifest.RegistryPaths.BlobDigest(original) is null && Manifest.RegistryPaths.RecordKey(original) is null)
            {
                continue;
            }

            try
            {
                var full = Resolve(original);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                AtomicPublish.Publish(leftover, full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another gc recovers it at the same moment, or the folder refuses: the leftover stays for the next one.
            }
        }
    }

    public async IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var folder = Path.GetDirectoryName(root); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] content;
            var settings = Path.Combine(folder, Manifest.RegistryPaths.Settings);
            if (FileKinds.OfTarget(settings) == FileKind.Special)
            {
                continue;
            }

            try
            {
                content = await File.ReadAllBytesAsync(settings, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Missing, or a folder this user may not read: neither is a registry this one would be created inside.
                continue;
            }

            yield return (folder, new StoredObject(content, ""));
        }
    }

    /// <summary>Temporary files left by killed writers; garbage collection removes them after its grace period.</summary>
    public IEnumerable<FileInfo> TemporaryFiles()
    {
        var folder = Path.Combine(root, TemporaryFolder);
        return Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles() : [];
    }

    private async Task<string> WriteTemporaryAsync(Func<FileStream, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, TemporaryFolder);
        DirectorySync.CreateDirectory(folder);
        var temporary = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        try
        {
            // Unbuffered: every writer hands over whole documents or 1 MiB blocks, and a buffer would be 1 MiB allocated
            // for each small document written.
            await using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            await write(stream);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return temporary;
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 2000)
            {
                await Task.Delay(Math.Min(1 + attempt, 20), cancellationToken);
            }
        }
    }

    private string Resolve(string path)
    {
        // Segment by segment: "a..b" is a valid model name, only a ".." segment climbs out of the root.
        if (Path.IsPathRooted(path) || path.Split('/', '\\').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException($"Storage path '{path}' is not relative.", nameof(path));
        }

        return Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
    }

    private static string ETagOf(FileInfo info) => ETagOf(info.LastWriteTimeUtc, info.Length);

    private static string ETagOf(DateTime lastWriteUtc, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{lastWriteUtc.Ticks:x}-{length:x}\"");

    private static ObjectInfo ToInfo(string path, FileInfo info) =>
        new(path, info.Length, ETagOf(info), new DateTimeOffset(info.LastWriteTimeUtc));
}
