using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Data;

/// <summary>A local data file or folder as a recipe records it, by digest. Capture records declared inputs this way,
/// and a lineage query hashes the data it is asked about the same way to find them again.</summary>
internal static class LocalDataInput
{
    /// <summary>The full local path of a declared input (a <c>file://</c> URI or a path relative to the project).</summary>
    public static string FullPath(string declared, string projectDirectory)
    {
        var path = declared.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(declared, UriKind.Absolute, out var file)
            ? file.LocalPath
            : declared;
        return Path.GetFullPath(path, Path.GetFullPath(projectDirectory));
    }

    /// <summary>An absolute URI with a host (not a local path, not a Windows drive letter), or null.</summary>
    public static Uri? RemoteUri(string declared) =>
        declared.Contains("://", StringComparison.Ordinal)
        && Uri.TryCreate(declared, UriKind.Absolute, out var uri)
        && !uri.IsFile && !uri.IsUnc && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    public static async Task<(DataInput Input, IReadOnlyList<string> Warnings)> CaptureAsync(string full, PathDisplay display, CancellationToken cancellationToken)
    {
        var shown = display.Show(full);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            // The declared path itself may be a link (data -> /mnt/datasets/v3): the user named it, so it is followed.
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !(File.Exists(target.FullName) || Directory.Exists(target.FullName)))
            {
                throw LineageErrors.DataInputNotFound(shown);
            }

            full = target.FullName;
        }

        if (Directory.Exists(full))
        {
            var tree = await FolderTree.HashAsync(full, shown, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> warnings = tree.LinksOutside.Count == 0 ? [] : [LineageErrors.LinksOutsideFolderWarning(shown, tree.LinksOutside.Count, tree.LinksOutside[0])];
            return (new DataInput
            {
                Kind = DataKinds.Folder,
                Source = shown,
                Digest = tree.Digest,
                Size = tree.Size,
                FileCount = tree.Entries.Count,
                Files = tree.Entries.Count <= DataInput.MaxListedFiles ? tree.Entries : null,
            }, warnings);
        }

        if (!File.Exists(full))
        {
            throw LineageErrors.DataInputNotFound(shown);
        }

        var (digest, size) = await Task.Run(() => ContentHasher.HashFile(full, shown, cancellationToken), cancellationToken).ConfigureAwait(false);
        return (new DataInput { Kind = DataKinds.File, Source = shown, Digest = digest, Size = size, FileCount = 1 }, []);
    }
}
