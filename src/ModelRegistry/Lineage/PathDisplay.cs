namespace ModelRegistry.Lineage;

/// <summary>How local paths are recorded: relative to the repository root with '/' separators when inside it (so
/// the recipe reads the same on every machine), otherwise as a full path.</summary>
internal sealed class PathDisplay(string? repositoryRoot)
{
    public static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public string? RepositoryRoot { get; } = repositoryRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

    /// <summary>
    /// The working tree that holds <paramref name="directory"/>: the nearest folder at or above it with a <c>.git</c>
    /// entry (a folder, or the file a worktree or submodule has). Reading lineage needs nothing more than this, so
    /// it finds the root without libgit2, which only capture loads.
    /// </summary>
    public static string? FindRepositoryRoot(string directory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return Path.TrimEndingDirectorySeparator(folder.FullName);
            }
        }

        return null;
    }

    public string Show(string fullPath)
    {
        if (RepositoryRoot is not null && IsWithin(fullPath, RepositoryRoot))
        {
            var relative = Path.GetRelativePath(RepositoryRoot, fullPath).Replace('\\', '/');
            return relative.Length == 0 ? "." : relative;
        }

        return fullPath;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (lexically).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        var candidate = Path.TrimEndingDirectorySeparator(path);
        return candidate.Equals(trimmed, Comparison)
            || candidate.StartsWith(trimmed + Path.DirectorySeparatorChar, Comparison)
            || (Path.DirectorySeparatorChar != Path.AltDirectorySeparatorChar && candidate.StartsWith(trimmed + Path.AltDirectorySeparatorChar, Comparison));
    }
}
