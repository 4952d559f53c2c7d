using ModelRegistry.Content;

namespace ModelRegistry;

/// <summary>A local file to register and its path inside the version.</summary>
internal sealed record LocalArtifact(string FullPath, string VersionPath);

/// <summary>
/// Turns the artifact paths of a registration into the version's files. One folder registers its contents
/// (model.onnx, vocab.txt); several paths register each file by name and each folder under its own name. Symbolic
/// links are not followed, so a link out of the folder cannot pull other files in.
/// </summary>
internal static class ArtifactSet
{
    /// <param name="registryFolder">A folder registry's own root: left out when an artifact folder holds it (the default
    /// ./.model-registry sits where people run <c>register M .</c>), so the registry is never registered into itself.</param>
    public static IReadOnlyList<LocalArtifact> Collect(IReadOnlyList<string> paths, string? registryFolder = null)
    {
        var excluded = registryFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(registryFolder)) + Path.DirectorySeparatorChar;
        if (paths.Count == 0)
        {
            throw Errors.NoArtifactFiles("(no paths given)");
        }

        var single = paths.Count == 1;
        var result = new List<LocalArtifact>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                RefuseSpecial(full, path);
                result.Add(new LocalArtifact(full, Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                var prefix = single ? "" : Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) + "/";
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
                var before = result.Count;
                foreach (var file in Directory.EnumerateFiles(full, "*", options))
                {
                    if (excluded is not null && file.StartsWith(excluded, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    RefuseSpecial(file, file);
                    result.Add(new LocalArtifact(file, prefix + Path.GetRelativePath(full, file).Replace('\\', '/')));
                }

                if (result.Count == before)
                {
                    throw Errors.NoArtifactFiles(path);
                }
            }
            else
            {
                throw Errors.ArtifactNotFound(path);
            }
        }

        var duplicate = result.GroupBy(a => a.VersionPath, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ContractErrors.InvalidPath($"{duplicate.Key} (given twice)");
        }

        return [.. result.OrderBy(a => a.VersionPath, StringComparer.Ordinal)];
    }

    /// <summary>A named pipe would block the registration forever and a device never ends: neither is a model file.</summary>
    private static void RefuseSpecial(string full, string shown)
    {
        if (FileKinds.OfTarget(full) == FileKind.Special)
        {
            throw Errors.ArtifactUnreadable(shown, FileKinds.Describe(full));
        }
    }

    /// <summary>Hashes every file, several at a time.</summary>
    public static async Task<IReadOnlyList<ArtifactFile>> HashAsync(IReadOnlyList<LocalArtifact> artifacts, CancellationToken cancellationToken)
    {
        var files = new ArtifactFile[artifacts.Count];
        await Parallel.ForAsync(0, artifacts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                var (digest, size) = await Sha256Digest.OfFileAsync(artifacts[i].FullPath, ct);
                files[i] = new ArtifactFile(artifacts[i].VersionPath, size, digest);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Errors.ArtifactUnreadable(artifacts[i].FullPath, e.Message);
            }
        });
        return files;
    }
}
