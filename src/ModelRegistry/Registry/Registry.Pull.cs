using ModelRegistry.Manifest;
using ModelRegistry.Runtime;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Downloads a version's files into <paramref name="output"/>, each verified by size and digest. Files are
    /// fetched into a staging folder first and moved into place only when all of them verified, so a failed pull
    /// leaves nothing behind. Files already present with the right digest are not downloaded again.
    /// </summary>
    public async Task<VersionInfo> PullAsync(string reference, string output, AsOf? asOf = null, IProgress<TransferProgress>? progress = null, Signing.TrustPolicy? trust = null, CancellationToken cancellationToken = default)
    {
        var version = await ResolveAsync(reference, asOf, trust, cancellationToken);
        await PullFilesAsync(version, output, progress, cancellationToken);
        return version;
    }

    public async Task PullFilesAsync(VersionInfo version, string output, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        version.EnsureFilesStored();
        var root = Path.GetFullPath(output);
        var destinations = version.Files.Select(f => (File: f, Path: SafeDestination(root, f.Path))).ToList();

        // Two names for one file (x.bin and d/../x.bin, or Model.bin and model.bin, which collide on Windows and macOS)
        // would let one overwrite the other: a record that holds them is refused.
        if (destinations.GroupBy(d => d.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw ContractErrors.InvalidPath($"{twice.First().File.Path} (named twice)");
        }

        foreach (var (_, destination) in destinations)
        {
            RefuseLinks(root, destination);
        }
        if (destinations.FirstOrDefault(d => Directory.Exists(d.Path)) is { Path: not null } blocked)
        {
            throw Errors.OutputUnwritable(blocked.Path, "a folder is where the file goes");
        }

        var createdRoot = !Directory.Exists(root);
        Local(root, () => Directory.CreateDirectory(root));

        // What a pull killed part-way into this folder left (its partial files can be a whole model's size) goes now.
        StagingFolder.RemoveAbandoned(root, StagingPrefix);
        StagingFolder? staging = null;
        var succeeded = false;
        try
        {
            Local(root, () => staging = StagingFolder.Create(Path.Combine(root, $"{StagingPrefix}{Guid.NewGuid():N}")));
            var fetched = new List<(string Staged, string Final)>();
            foreach (var (file, destination) in destinations)
            {
                if (File.Exists(destination) && await MatchesAsync(destination, file, cancellationToken))
                {
                    continue;
                }

                var staged = Path.Combine(staging!.Path, Guid.NewGuid().ToString("N"));
                var reporter = progress is null ? null : new Progress<long>(done => progress.Report(new TransferProgress(file.Path, done, file.Size)));
                await Blobs.GetAsync(file, staged, reporter, cancellationToken);
                fetched.Add((staged, destination));
            }

            foreach (var (staged, final) in fetched)
            {
                Local(final, () =>
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                    File.Move(staged, final, overwrite: true);
                });
            }

            succeeded = true;
        }
        finally
        {
            staging?.Dispose();

            // A failed pull leaves nothing behind, not even the empty folder it made.
            if (!succeeded && createdRoot && Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
    }

    private const string StagingPrefix = ".model-registry-pull-";

    /// <summary>A failure to write the output is the user's folder's problem, not the registry's: it says so.</summary>
    private static void Local(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputUnwritable(path, e.Message);
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

    /// <summary>A pull never follows a symbolic link below the output folder (<c>out/sub -> /elsewhere</c> would write
    /// outside it), whether it is a folder on the way or the file itself.</summary>
    private static void RefuseLinks(string root, string destination)
    {
        for (var path = destination; path.Length > root.Length; path = Path.GetDirectoryName(path)!)
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                throw Errors.OutputUnwritable(path, "it is a symbolic link, and a pull never follows one");
            }
        }
    }

    /// <summary>A stored path never escapes the output folder, whatever a damaged or hostile record says.</summary>
    private static string SafeDestination(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (relative.Length == 0 || Path.IsPathRooted(relative) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw ContractErrors.InvalidPath(relative);
        }

        return full;
    }
}
