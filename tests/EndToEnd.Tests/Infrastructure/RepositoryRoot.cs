namespace EndToEnd.Tests.Infrastructure;

/// <summary>The checkout these tests run from: the folder that holds ModelRegistry.Build.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path inside the checkout, from segments relative to its root.</summary>
    public static string Combine(params string[] segments) => System.IO.Path.Combine([Path, .. segments]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ModelRegistry.Build.sln above {AppContext.BaseDirectory}.");
    }
}
