using ModelRegistry.Manifest;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Downloads a version's files into <paramref name="output"/>, each verified by size and digest. Files are
    /// fetched into a staging folder first and moved into place only when all of them verified, so a failed pull
    /// leaves nothing behind. Files already present with the right digest are not downloaded again.
    /// </summary>
    public async Task<VersionInfo> PullAsync(string reference, string output, AsOf? asOf = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var version = await ResolveAsync(reference, asOf, cancellationToken);
        await PullFilesAsync(version, output, progress, cancellationToken);
        return version;
    }

    public async Task PullFilesAsync(VersionInfo version, string output, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var root = Path.GetFullPath(output);
        var destinations = version.Files.Select(f => (File: f, Path: SafeDestination(root, f.Path))).ToList();
        Directory.CreateDirectory(root);
        var staging = Path.Combine(root, $".model-registry-pull-{Guid.NewGuid():N}");
        try
        {
            var fetched = new List<(string Staged, string Final)>();
            foreach (var (file, destination) in destinations)
            {
                if (File.Exists(destination) && await MatchesAsync(destination, file, cancellationToken))
                {
                    continue;
                }

                var staged = Path.Combine(staging, Guid.NewGuid().ToString("N"));
                var reporter = progress is null ? null : new Progress<long>(done => progress.Report(new TransferProgress(file.Path, done, file.Size)));
                await Blobs.GetAsync(file, staged, reporter, cancellationToken);
                fetched.Add((staged, destination));
            }

            foreach (var (staged, final) in fetched)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.Move(staged, final, overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<bool> MatchesAsync(string path, Content.ArtifactFile file, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length != file.Size)
        {
            return false;
        }

        var (digest, _) = await Content.Sha256Digest.OfFileAsync(path, cancellationToken);
        return digest == file.Digest;
    }

    /// <summary>A stored path never escapes the output folder, whatever a damaged or hostile record says.</summary>
    private static string SafeDestination(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (relative.Length == 0 || Path.IsPathRooted(relative) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Errors.Errors.InvalidPath(relative);
        }

        return full;
    }
}
