using System.Text;
using ModelRegistry.Content;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Data;

/// <summary>
/// A folder's content as one digest: every regular file and symbolic link below it, sorted by the UTF-8 bytes of
/// its relative path, written as <c>file|link &lt;sha256 hex&gt; &lt;size&gt; &lt;path&gt;\0</c> and hashed.
/// A link is recorded by its target path and never followed, so nothing outside the folder is read and link
/// cycles cannot trap the walk. Empty folders are not recorded (as in git). Files are hashed in parallel; the
/// digest does not depend on the order they finish in.
/// </summary>
internal sealed record FolderTree(string Digest, long Size, IReadOnlyList<DataFileEntry> Entries, IReadOnlyList<string> LinksOutside)
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static async Task<FolderTree> HashAsync(string root, string shownRoot, CancellationToken cancellationToken)
    {
        var found = Walk(root, shownRoot);
        var results = new DataFileEntry[found.Count];
        await Task.Run(() => Parallel.For(0, found.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var (relative, full, target) = found[i];
            if (target is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(target);
                results[i] = new DataFileEntry { Path = relative, Digest = Sha256Digest.Of(bytes), Size = bytes.Length, LinkTarget = target };
                return;
            }

            var (digest, size) = ContentHasher.HashFile(full, $"{shownRoot}/{relative}", cancellationToken);
            results[i] = new DataFileEntry { Path = relative, Digest = digest, Size = size };
        }), cancellationToken).ConfigureAwait(false);

        var text = new StringBuilder();
        foreach (var entry in results)
        {
            text.Append(entry.LinkTarget is null ? "file " : "link ")
                .Append(Sha256Digest.Hex(entry.Digest)).Append(' ')
                .Append(entry.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
                .Append(entry.Path).Append('\0');
        }

        var outside = found.Where(f => f.Target is not null && !PointsInside(root, f.Full, f.Target)).Select(f => f.Relative).ToList();
        return new FolderTree(Sha256Digest.Of(Encoding.UTF8.GetBytes(text.ToString())), results.Where(r => r.LinkTarget is null).Sum(r => r.Size), results, outside);
    }

    /// <summary>The sorted entries: relative path, full path, and the link target for links.</summary>
    private static List<(string Relative, string Full, string? Target)> Walk(string root, string shownRoot)
    {
        var found = new List<(string Relative, string Full, string? Target)>();
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((root, ""));
        while (pending.TryPop(out var folder))
        {
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = [.. new DirectoryInfo(folder.Full).EnumerateFileSystemInfos("*", OneLevel)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw LineageErrors.DataUnreadable(folder.Relative.Length == 0 ? shownRoot : $"{shownRoot}/{folder.Relative}", e is UnauthorizedAccessException ? "its folder cannot be listed: permission denied" : e.Message);
            }

            foreach (var child in children)
            {
                var relative = folder.Relative.Length == 0 ? child.Name : $"{folder.Relative}/{child.Name}";
                switch (FileKinds.Of(child))
                {
                    case FileKind.SymbolicLink:
                        found.Add((relative, child.FullName, child.LinkTarget));
                        break;
                    case FileKind.Directory:
                        pending.Push((child.FullName, relative));
                        break;
                    case FileKind.Special:
                        throw LineageErrors.DataUnreadable($"{shownRoot}/{relative}", FileKinds.Describe(child.FullName));
                    default:
                        found.Add((relative, child.FullName, null));
                        break;
                }
            }
        }

        found.Sort((a, b) => Utf8Order.Compare(a.Relative, b.Relative));
        return found;
    }

    private static bool PointsInside(string root, string link, string target)
    {
        var resolved = Path.GetFullPath(target, Path.GetDirectoryName(link)!);
        return PathDisplay.IsWithin(resolved, root) && !Path.TrimEndingDirectorySeparator(resolved).Equals(Path.TrimEndingDirectorySeparator(root), PathDisplay.Comparison);
    }
}
