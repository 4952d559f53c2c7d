namespace ModelRegistry.Runtime;

/// <summary>A model version whose files are in the local cache, verified, under <see cref="Path"/>.</summary>
public sealed record CachedModel(VersionInfo Version, string Path)
{
    /// <summary>The full path of one of the version's files (<c>model.zip</c>, <c>weights/part-1.bin</c>).</summary>
    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
