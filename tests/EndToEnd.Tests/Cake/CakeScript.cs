using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Cake;

/// <summary>
/// A throwaway folder with the repository's tool manifest (cake.tool 7.0.0), a build.cake that loads the packed
/// addin from the test feed, and a way to run it with <c>dotnet cake</c> as a user would.
/// </summary>
public sealed class CakeScript : IDisposable
{
    private static readonly object FreshAddinsLock = new();
    private static bool addinsCleared;

    private readonly PackagedProduct product;

    private CakeScript(PackagedProduct product, TempFolder folder)
    {
        this.product = product;
        Folder = folder;
    }

    public TempFolder Folder { get; }

    /// <summary>
    /// The addins folder shared by every script of the run, so the addin is unpacked once, not per test. Emptied at
    /// the first use in a run: the test version's number stays the same while its content changes.
    /// </summary>
    public static string AddinsFolder(PackagedProduct product)
    {
        var folder = Path.Combine(product.Root, "cake-addins");
        lock (FreshAddinsLock)
        {
            if (!addinsCleared && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            addinsCleared = true;
        }

        return folder;
    }

    /// <summary>Creates the folder and writes <paramref name="body"/> below the #addin directive as build.cake.</summary>
    public static CakeScript Create(PackagedProduct product, string name, string body)
    {
        var folder = product.CreateFolder(name);
        File.Copy(RepositoryRoot.Combine("dotnet-tools.json"), folder.Combine("dotnet-tools.json"));
        folder.Write("build.cake", $"""
            #addin nuget:?package=ModelRegistry.Cake&version={PackagedProduct.Version}

            var target = Argument("target", "Default");

            {body}

            RunTarget(target);
            """);
        return new CakeScript(product, folder);
    }

    /// <summary>Runs <c>dotnet tool restore</c> and then <c>dotnet cake build.cake --target=&lt;target&gt;</c>.</summary>
    public async Task<DotNetResult> RunAsync(string target, string verbosity = "--verbosity=normal")
    {
        (await product.DotNet.RunAsync(Folder.Path, ["tool", "restore"])).AssertSuccess();
        return await product.DotNet.RunAsync(
            Folder.Path,
            ["cake", "build.cake", $"--target={target}", verbosity],
            new Dictionary<string, string?>
            {
                ["CAKE_PATHS_ADDINS"] = AddinsFolder(product),
                ["NO_COLOR"] = "1",
            });
    }

    public void Dispose() => Folder.Dispose();
}
