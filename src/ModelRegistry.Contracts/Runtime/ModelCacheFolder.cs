using ModelRegistry.Content;

namespace ModelRegistry.Runtime;

/// <summary>
/// The machine-wide model cache shared by builds (ModelRegistry.Build) and services (<see cref="ModelRegistryClient"/>):
/// <c>&lt;root&gt;/sha256/&lt;64 hex&gt;/</c> holds the files of the model version whose record has that digest. A folder
/// appears there only by the atomic rename of a staging folder whose files were all pulled and verified. In it,
/// <c>.model-registry-verified</c> records each file's size and modification time as they were when verified: a hit
/// counts only when every file still matches its stamp, so a file changed by hand (even to the same size) is caught
/// without hashing, and the version is pulled again.
/// </summary>
public sealed class ModelCacheFolder
{
    public ModelCacheFolder(string? root = null)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultRoot : root);
    }

    /// <summary><c>~/.model-registry/cache</c>, the default of the ModelRegistryCache MSBuild property too.</summary>
    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".model-registry", "cache");

    public string Root { get; }

    /// <summary>The folder of a version, from its digest (<c>sha256:…</c>).</summary>
    public string FolderOf(string digest) => Path.Combine(Root, "sha256", Hex(digest));

    /// <summary>A file of a version; a path that would leave the version's folder is refused (MRB1108).</summary>
    public string FileOf(string digest, string relativePath)
    {
        var folder = FolderOf(digest);
        var full = Path.GetFullPath(Path.Combine(folder, relativePath));
        return relativePath.Length > 0 && !Path.IsPathRooted(relativePath) && full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw ContractErrors.InvalidPath(relativePath);
    }

    /// <summary>Cheap check (no hashing): the folder exists, and every file has its recorded size and the size and
    /// modification time the cache stamped after verifying it.</summary>
    public bool Holds(string digest, IEnumerable<ArtifactFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stamp = StampOf(digest);
        if (!Directory.Exists(FolderOf(digest)) || !File.Exists(stamp))
        {
            return false;
        }

        HashSet<string> stamped;
        try
        {
            stamped = [.. File.ReadAllLines(stamp)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        foreach (var file in files)
        {
            var info = new FileInfo(FileOf(digest, file.Path));
            if (!info.Exists || info.Length != file.Size || !stamped.Contains(StampLine(file.Path, info)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Inside the version's folder, so it arrives with the files in the same atomic rename.</summary>
    private const string StampName = ".model-registry-verified";

    private string StampOf(string digest) => Path.Combine(FolderOf(digest), StampName);

    private static string StampLine(string path, FileInfo info) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length} {info.LastWriteTimeUtc.Ticks} {path}");

    /// <summary>Stamps the staged files as verified (they were, by digest, when pulled); a rename keeps the times.</summary>
    private static void Stamp(string staging, IReadOnlyCollection<ArtifactFile> files) =>
        File.WriteAllLines(Path.Combine(staging, StampName), files.Select(f => StampLine(f.Path, new FileInfo(Path.Combine(staging, f.Path)))));

    /// <summary>A fresh staging folder inside the cache (same file system, so <see cref="Install"/> renames atomically),
    /// claimed by this process until it is installed or discarded. Staging folders that processes killed part-way
    /// left are removed first: the cache is shared by every build and service of the machine.</summary>
    public StagingFolder NewStagingFolder(string digest)
    {
        var parent = Path.Combine(Root, ".staging");
        StagingFolder.RemoveAbandoned(parent, "");
        return StagingFolder.Create(Path.Combine(parent, $"{Hex(digest)[..12]}-{Guid.NewGuid():N}"));
    }

    /// <summary>
    /// Moves a fully pulled staging folder into place. When another process installed the same version meanwhile, its
    /// copy stays and the staging folder is removed; a damaged copy in the way is replaced.
    /// </summary>
    public void Install(StagingFolder staging, string digest, IReadOnlyCollection<ArtifactFile> files)
    {
        ArgumentNullException.ThrowIfNull(staging);
        var target = FolderOf(digest);
        try
        {
            staging.Release();
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Directory.Exists(target) && !Holds(digest, files))
            {
                Directory.Delete(target, recursive: true);
            }

            if (!Directory.Exists(target))
            {
                try
                {
                    Stamp(staging.Path, files);
                    Directory.Move(staging.Path, target);
                    return;
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // Lost a race with another process installing the same version: keep its copy.
                }
            }

            Directory.Delete(staging.Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ContractErrors.CacheInstallFailed(Root, e.Message);
        }
    }


    private static string Hex(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? digest[7..] : digest;
        return hex.Length == 64 && hex.All(Uri.IsHexDigit)
            ? hex.ToLowerInvariant()
            : throw ContractErrors.InvalidReference(digest, "a digest is sha256: followed by 64 hex digits");
    }
}
