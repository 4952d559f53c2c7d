namespace ModelRegistry.Tests.Infrastructure;

/// <summary>The checkout these tests were built from: docs and sources are checked against the code.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ModelRegistry.Build.sln) is not above the test assembly.");
    }
}
