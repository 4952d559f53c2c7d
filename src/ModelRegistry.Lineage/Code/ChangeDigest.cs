using System.Text;
using ModelRegistry.Content;
using ModelRegistry.Lineage.Data;

namespace ModelRegistry.Lineage.Code;

/// <summary>
/// The digest of a working tree's uncommitted changes, untracked files included: every changed path, sorted, with
/// the sha256 of its current content (or <c>deleted</c>). Two trees with the same edits on the same commit get the
/// same digest; any different edit gives another. Hashing the resulting files rather than a patch keeps it
/// independent of diff settings and covers untracked and binary files alike.
/// </summary>
internal static class ChangeDigest
{
    public static string Compute(string root, IEnumerable<string> changedPaths, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var path in changedPaths.Select(p => p.Replace('\\', '/')).Distinct().Order(Comparer<string>.Create(Utf8Order.Compare)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = Path.Combine(root, path);
            var info = new FileInfo(full);
            var state = FileKinds.Of(info) switch
            {
                FileKind.SymbolicLink => "link " + Sha256Digest.Hex(Sha256Digest.Of(Encoding.UTF8.GetBytes(info.LinkTarget!))),
                FileKind.Special => "special",
                FileKind.Directory => "directory",
                _ when !info.Exists => "deleted",
                _ => "file " + Sha256Digest.Hex(HashOrUnreadable(full, path, cancellationToken)),
            };
            text.Append(state).Append(' ').Append(path).Append('\0');
        }

        return Sha256Digest.Of(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string HashOrUnreadable(string full, string path, CancellationToken cancellationToken)
    {
        try
        {
            return ContentHasher.HashFile(full, path, cancellationToken).Digest;
        }
        catch (RegistryException)
        {
            // A changed file that cannot be read still counts as a change; the digest cannot name its content.
            return Sha256Digest.Of(Encoding.UTF8.GetBytes("unreadable"));
        }
    }
}
