using System.Runtime.InteropServices;

namespace ModelRegistry.Lineage.Data;

/// <summary>What a directory entry is, as far as hashing cares.</summary>
internal enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A named pipe, socket or device: opening a FIFO blocks until a writer appears, and a device may
    /// never end, so these are refused instead of read.</summary>
    Special,
}

/// <summary>
/// Tells special files apart from regular ones. .NET reports a FIFO, a socket and a device as plain files
/// (<see cref="FileAttributes.Normal"/>), so on Linux the entry's mode is read with <c>statx(2)</c>, whose
/// structure has the same layout on every architecture. Elsewhere only what .NET reports is used.
/// </summary>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int Link = 0xA000;

    public static FileKind Of(FileSystemInfo entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (entry.Attributes.HasFlag(FileAttributes.Directory))
        {
            return FileKind.Directory;
        }

        return OperatingSystem.IsLinux() ? OfLinux(entry.FullName) : FileKind.Regular;
    }

    /// <summary>A human name for the type of a special file, for error messages.</summary>
    public static string Describe(string path)
    {
        if (!OperatingSystem.IsLinux() || Mode(path) is not { } mode)
        {
            return "not a regular file";
        }

        return (mode & TypeMask) switch
        {
            0x1000 => "a named pipe (FIFO), not a regular file",
            0xC000 => "a socket, not a regular file",
            0x2000 => "a character device, not a regular file",
            0x6000 => "a block device, not a regular file",
            _ => "not a regular file",
        };
    }

    private static FileKind OfLinux(string path) => Mode(path) switch
    {
        null => FileKind.Regular,
        var mode when (mode & TypeMask) == Regular => FileKind.Regular,
        var mode when (mode & TypeMask) == Directory => FileKind.Directory,
        var mode when (mode & TypeMask) == Link => FileKind.SymbolicLink,
        _ => FileKind.Special,
    };

    private static int? Mode(string path)
    {
        // struct statx is 256 bytes; stx_mode is the u16 at offset 28.
        Span<byte> buffer = stackalloc byte[256];
        try
        {
            return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, ref MemoryMarshal.GetReference(buffer)) == 0
                ? BitConverter.ToUInt16(buffer.Slice(ModeOffset, 2))
                : null;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no statx: what .NET reports stands.
            return null;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, ref byte buffer);
}
