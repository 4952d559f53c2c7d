namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>A folder for one test, deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("mrb-build-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] segments) => System.IO.Path.GetFullPath(System.IO.Path.Combine([Path, .. segments]));

    public string Write(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
