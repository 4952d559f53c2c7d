using ModelRegistry.Build.Lock;

namespace ModelRegistry.Build.Cache;

/// <summary>
/// The machine-wide model cache, shared by every build: <c>&lt;root&gt;/sha256/&lt;64 hex&gt;/</c> holds the files of the
/// model version whose record has that digest. A folder appears there only by an atomic rename of a fully pulled and
/// verified staging folder, so a folder that exists is complete; a damaged one (a file deleted by hand) is detected
/// by size and pulled again.
/// </summary>
internal sealed class ModelCache(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string FolderOf(LockedModel model) => FolderOf(model.DigestHex);

    public string FolderOf(string digestHex) => Path.Combine(Root, "sha256", digestHex);

    public string FileOf(LockedModel model, LockedFile file) =>
        Path.Combine(FolderOf(model), file.Path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Cheap check for builds: the folder exists and every file has its locked size. Digests were verified
    /// when the folder was filled; a no-op build does not hash models again.</summary>
    public bool Holds(LockedModel model)
    {
        if (!Directory.Exists(FolderOf(model)))
        {
            return false;
        }

        foreach (var file in model.Files)
        {
            var info = new FileInfo(FileOf(model, file));
            if (!info.Exists || info.Length != file.Size)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A fresh staging folder beside the cache entries (same file system, so the final rename is atomic).</summary>
    public string NewStagingFolder(string digestHex)
    {
        var staging = Path.Combine(Root, ".staging", $"{digestHex[..12]}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// Moves a pulled staging folder into place. Another build may have installed the same version meanwhile: then
    /// its folder wins and ours is deleted. A damaged folder in the way is replaced.
    /// </summary>
    public void Install(string staging, LockedModel model)
    {
        var target = FolderOf(model);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Directory.Exists(target) && !Holds(model))
            {
                Directory.Delete(target, recursive: true);
            }

            if (!Directory.Exists(target))
            {
                try
                {
                    Directory.Move(staging, target);
                    return;
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // Lost a race with a concurrent build that installed the same version: keep its copy.
                }
            }

            Directory.Delete(staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.Errors.CacheInstallFailed(Root, e.Message);
        }
    }

    /// <summary>Removes a staging folder that a failed pull left behind.</summary>
    public static void Discard(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a staging folder is never read, only renamed.
        }
    }
}
