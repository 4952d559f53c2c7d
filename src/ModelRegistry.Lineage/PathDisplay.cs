namespace ModelRegistry.Lineage;

/// <summary>How local paths are recorded: relative to the repository root with '/' separators when inside it (so
/// the recipe reads the same on every machine), otherwise as a full path.</summary>
internal sealed class PathDisplay(string? repositoryRoot)
{
    public static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public string? RepositoryRoot { get; } = repositoryRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

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
