namespace ModelRegistry.TestSupport;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>A new folder under the system temp folder.</summary>
    public TempFolder(string prefix = "mrb-test-")
        : this(Directory.CreateTempSubdirectory(prefix))
    {
    }

    private TempFolder(DirectoryInfo folder)
    {
        Path = folder.FullName;
    }

    public string Path { get; }

    /// <summary>A throwaway folder at a path the caller chose (created if missing), deleted like any other.</summary>
    public static TempFolder At(string path) => new(Directory.CreateDirectory(path));

    public string Combine(params string[] parts) => System.IO.Path.GetFullPath(System.IO.Path.Combine([Path, .. parts]));

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string WriteFile(string relative, byte[] content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Writes a UTF-8 text file (no byte order mark, creating its folders) and returns its full path.</summary>
    public string WriteFile(string relative, string content) => WriteFile(relative, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>The same as <see cref="WriteFile(string, string)"/>: both names are in use across the test projects.</summary>
    public string Write(string relative, string content) => WriteFile(relative, content);

    public string Read(string relative) => File.ReadAllText(Combine(relative));

    public bool Exists(string relative) => File.Exists(Combine(relative)) || Directory.Exists(Combine(relative));

    /// <summary>Creates a folder (and its parents) and returns its full path.</summary>
    public string Folder(string relative)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
