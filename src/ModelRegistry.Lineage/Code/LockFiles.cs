using ModelRegistry.Content;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Code;

/// <summary>
/// Finds dependency lock files and records them by digest. In a repository: files tracked or untracked (not ignored)
/// below the project folder, or in a folder on the way from the repository root down to it, so a monorepo records
/// the locks of the project that trained and of its parents, not of its neighbours. Outside a repository: the
/// project folder, four levels deep, skipping build outputs and package folders.
/// </summary>
internal static class LockFiles
{
    private static readonly string[] ExactNames =
    [
        "packages.lock.json", "poetry.lock", "environment.yml", "environment.yaml", "uv.lock", "Pipfile.lock",
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "conda-lock.yml", "renv.lock", "Cargo.lock",
    ];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", "packages",
    };

    public static bool IsLockFile(string fileName) =>
        ExactNames.Contains(fileName, StringComparer.Ordinal)
        || (fileName.StartsWith("requirements", StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal));

    /// <summary>Lock files among repository paths ('/' separators, relative to the root).</summary>
    public static IReadOnlyList<LockFile> Select(string root, string projectPath, IEnumerable<string> repositoryPaths)
    {
        var project = projectPath == "." ? "" : projectPath.TrimEnd('/');
        return [.. repositoryPaths
            .Distinct(StringComparer.Ordinal)
            .Where(p => IsLockFile(p[(p.LastIndexOf('/') + 1)..]) && Relevant(p, project))
            .Order(Comparer<string>.Create(Utf8Order.Compare))
            .Select(p => Record(Path.Combine(root, p), p))
            .OfType<LockFile>()];
    }

    public static IReadOnlyList<LockFile> Scan(string projectDirectory, PathDisplay display)
    {
        var found = new List<string>();
        Walk(Path.GetFullPath(projectDirectory), 0, found);
        return [.. found.Order(Comparer<string>.Create(Utf8Order.Compare)).Select(p => Record(p, display.Show(p))).OfType<LockFile>()];
    }

    /// <summary>Below the project, or directly in one of its ancestor folders.</summary>
    private static bool Relevant(string path, string project)
    {
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        return project.Length == 0
            || folder.Length == 0
            || folder == project
            || folder.StartsWith(project + "/", StringComparison.Ordinal)
            || project.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    private static LockFile? Record(string fullPath, string shown)
    {
        // A lock file that vanished or cannot be read is skipped: lineage records what can be known.
        if (!File.Exists(fullPath) || FileKinds.Of(new FileInfo(fullPath)) != FileKind.Regular)
        {
            return null;
        }

        try
        {
            return new LockFile(shown, ContentHasher.HashFile(fullPath, shown, CancellationToken.None).Digest);
        }
        catch (RegistryException)
        {
            return null;
        }
    }

    private static void Walk(string folder, int depth, List<string> found)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var child in children)
        {
            if (child is DirectoryInfo && depth < 4 && child.LinkTarget is null && !SkippedFolders.Contains(child.Name))
            {
                Walk(child.FullName, depth + 1, found);
            }
            else if (child is FileInfo && IsLockFile(child.Name))
            {
                found.Add(child.FullName);
            }
        }
    }
}
