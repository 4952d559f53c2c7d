using System.Security.Cryptography;
using ModelRegistry.Content;

namespace ModelRegistry.Runtime;

/// <summary>A version whose files a build copied into the application's output (ModelReference), described as a
/// <see cref="CachedModel"/> so a service can serve it before, or without, reaching the registry.</summary>
public static class BundledModel
{
    /// <param name="folder">The folder holding the version's files, as the build copied them.</param>
    public static CachedModel Of(string model, int version, string digest, string stage, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var stream = File.OpenRead(path);
                return new ArtifactFile(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'), stream.Length, Sha256Digest.Format(SHA256.HashData(stream)));
            })
            .ToList();
        return new CachedModel(new VersionInfo { Model = model, Version = version, Digest = digest, Stage = stage, Aliases = [], Files = files }, root);
    }
}
