namespace ModelRegistry.Runtime;

/// <summary>
/// A staging folder a live process owns: a lock file inside it is held open exclusively for as long as the folder is
/// in use, and the operating system lets go of it when the process ends, however it ends. A pull killed part-way
/// (a 1 GB model's worth of partial files) is then found by the next one, which claims the lock and removes the
/// folder; a folder still in use is never touched.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private const string LockName = ".model-registry-staging.lock";

    /// <summary>A folder found without its lock file was made by a process that had not yet claimed it, or was killed
    /// in between: after this long it is abandoned.</summary>
    private static readonly TimeSpan Unclaimed = TimeSpan.FromMinutes(10);

    private FileStream? claim;

    private StagingFolder(string path, FileStream claim)
    {
        Path = path;
        this.claim = claim;
    }

    public string Path { get; }

    /// <summary>Creates <paramref name="path"/> and claims it.</summary>
    public static StagingFolder Create(string path)
    {
        Directory.CreateDirectory(path);
        return new StagingFolder(path, Claim(System.IO.Path.Combine(path, LockName), FileMode.CreateNew));
    }

    /// <summary>Removes the folders in <paramref name="parent"/> whose names start with <paramref name="prefix"/> and
    /// that no live process claims. Best effort: whatever cannot be removed now stays for the next pass.</summary>
    public static void RemoveAbandoned(string parent, string prefix)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            try
            {
                var lockFile = System.IO.Path.Combine(folder, LockName);
                if (!File.Exists(lockFile))
                {
                    if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > Unclaimed)
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    continue;
                }

                using (Claim(lockFile, FileMode.Open))
                {
                    // Claimed: its owner is gone. Delete what it left while holding the claim, the lock file last.
                    foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => e.Name != LockName))
                    {
                        if (entry is DirectoryInfo directory)
                        {
                            directory.Delete(recursive: true);
                        }
                        else
                        {
                            entry.Delete();
                        }
                    }
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use (the claim is held), or going away under another cleaner: not ours to remove now.
            }
        }
    }

    /// <summary>Lets go of the folder: its lock file goes, so the folder can be moved into place or deleted.</summary>
    public void Release()
    {
        if (claim is null)
        {
            return;
        }

        claim.Dispose();
        claim = null;
        File.Delete(System.IO.Path.Combine(Path, LockName));
    }

    /// <summary>Releases the claim and removes the folder with whatever is left in it.</summary>
    public void Dispose()
    {
        try
        {
            Release();
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next pull's cleanup, which finds it unclaimed.
        }
    }

    // FileShare.None is an exclusive lock: flock(2) on Unix, a share mode on Windows; both end with the process.
    private static FileStream Claim(string path, FileMode mode) =>
        new(path, mode, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
}
