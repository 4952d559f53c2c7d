using System.Security.Cryptography;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>
/// Every folder and file under a root, with each file's size and content hash: two listings are equal only when
/// nothing was created, removed or changed. Used to prove that a refused operation wrote nothing.
/// </summary>
public static class FolderListing
{
    public static IReadOnlyList<string> Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return ["(absent)"];
        }

        var entries = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
        {
            entries.Add(Path.GetRelativePath(root, folder).Replace('\\', '/') + "/");
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var content = File.ReadAllBytes(file);
            entries.Add($"{Path.GetRelativePath(root, file).Replace('\\', '/')} {content.Length} {Convert.ToHexStringLower(SHA256.HashData(content))}");
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>Files only (no folders) under a root, as relative paths.</summary>
    public static IReadOnlyList<string> Files(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];
}
