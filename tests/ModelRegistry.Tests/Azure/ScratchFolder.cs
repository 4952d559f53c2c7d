namespace ModelRegistry.Tests.Azure;

/// <summary>A temporary folder for one test, removed with everything in it when the test ends.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("mr-azure-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file under the folder (creating sub-folders) and returns its full path.</summary>
    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
