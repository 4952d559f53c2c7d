using System.Runtime.InteropServices;

namespace ModelRegistry.Storage;

/// <summary>
/// Publishes a fully written temporary file under its final name only if that name does not exist yet.
/// A hard link is the create-only primitive here: <c>link(2)</c> fails with EEXIST atomically, and the content is
/// complete and flushed before the name appears, so a process killed at any instant leaves either no entry or a
/// whole one. <c>File.Move(src, dst, overwrite: false)</c> is not used: on Linux it checks and then renames, and
/// racing writers can both win (dotnet/runtime#31228). Opening the final name with <see cref="FileMode.CreateNew"/>
/// and writing into it would be exclusive too, but a kill between the open and the write would leave an empty entry.
/// </summary>
internal static partial class AtomicPublish
{
    private const int UnixEExist = 17;
    private const int WindowsAlreadyExists = 183;
    private const int WindowsFileExists = 80;

    /// <summary>Links <paramref name="temporaryPath"/> to <paramref name="finalPath"/>; the temporary name is always removed.</summary>
    public static CreateOutcome Publish(string temporaryPath, string finalPath)
    {
        try
        {
            return OperatingSystem.IsWindows() ? PublishWindows(temporaryPath, finalPath) : PublishUnix(temporaryPath, finalPath);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }

    private static CreateOutcome PublishUnix(string temporaryPath, string finalPath)
    {
        if (link(temporaryPath, finalPath) == 0)
        {
            DirectorySync.SyncParentOf(finalPath);
            return CreateOutcome.Created;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == UnixEExist)
        {
            return CreateOutcome.AlreadyExists;
        }

        throw new IOException($"Could not publish '{finalPath}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
    }

    private static CreateOutcome PublishWindows(string temporaryPath, string finalPath)
    {
        if (CreateHardLinkW(finalPath, temporaryPath, IntPtr.Zero))
        {
            return CreateOutcome.Created;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is WindowsAlreadyExists or WindowsFileExists)
        {
            return CreateOutcome.AlreadyExists;
        }

        throw new IOException($"Could not publish '{finalPath}': {Marshal.GetPInvokeErrorMessage(error)} (error {error}).");
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    [LibraryImport("kernel32", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLinkW(string newFileName, string existingFileName, IntPtr securityAttributes);
}
