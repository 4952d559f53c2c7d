namespace ModelRegistry.Storage;

/// <summary>
/// Writes a generated file only when its bytes change, so its timestamp moves only with its content and tools that
/// watch it (incremental builds, git, static hosts) see real changes only. The new content is written next to the
/// target and renamed over it: a process killed halfway never leaves half a file.
/// </summary>
public static class ChangedFile
{
    /// <summary>True when the file was written, false when it already held exactly <paramref name="content"/>.</summary>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length == content.Length && content.SequenceEqual(File.ReadAllBytes(path)))
        {
            return false;
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }
}
