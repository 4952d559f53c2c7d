namespace EndToEnd.Tests.Infrastructure;

/// <summary>A throwaway folder for one test, deleted when the test ends.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder; '/' separated segments are fine.</summary>
    public string Combine(params string[] segments) => System.IO.Path.GetFullPath(System.IO.Path.Combine([Path, .. segments]));

    /// <summary>Writes a text file (creating its folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Combine(relativePath));

    public bool Exists(string relativePath) => File.Exists(Combine(relativePath)) || Directory.Exists(Combine(relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the next run's fixture sweeps the folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
