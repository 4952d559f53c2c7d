using System.Runtime.InteropServices;

namespace ModelRegistry.Storage;

/// <summary>
/// Makes a new name durable. <c>link(2)</c>, <c>rename(2)</c> and <c>mkdir(2)</c> change a directory, and on Linux and
/// macOS that change reaches the disk only when the directory itself is synced: without it an acknowledged revision
/// can vanish in a power loss even though its content was flushed. Windows (NTFS) journals directory changes, so
/// there is nothing to do there.
/// </summary>
internal static partial class DirectorySync
{
    private static long syncs;

    /// <summary>Directories synced by this process: lets tests see that the durable path really runs.</summary>
    internal static long Syncs => Interlocked.Read(ref syncs);

    /// <summary>Syncs the directory that holds <paramref name="path"/> (a file or folder just created or renamed).</summary>
    public static void SyncParentOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent)
        {
            Sync(parent);
        }
    }

    /// <summary>Creates <paramref name="folder"/> and any missing parent, syncing the parent of each one it creates.</summary>
    public static void CreateDirectory(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full))
        {
            return;
        }

        if (Path.GetDirectoryName(full) is { } parent)
        {
            CreateDirectory(parent);
        }

        Directory.CreateDirectory(full);
        SyncParentOf(full);
    }

    private static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = open(directory, 0 /* O_RDONLY */);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open '{directory}' to sync it: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        }

        try
        {
            if (fsync(descriptor) != 0)
            {
                throw new IOException($"Could not sync '{directory}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
            }

            Interlocked.Increment(ref syncs);
        }
        finally
        {
            _ = close(descriptor);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int descriptor);
}
