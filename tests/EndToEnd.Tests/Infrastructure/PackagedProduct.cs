using System.Security.Cryptography;
using System.Text;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The product as a user gets it: packages packed once per test run from this checkout into a local feed, with a
/// fixed test version, restored into a packages folder of their own. Throwaway projects made by
/// <see cref="CreateFolder"/> restore from that feed (and nuget.org through the machine's settings).
/// </summary>
/// <remarks>
/// The packages folder lives under the temp folder, keyed by the checkout, and survives between runs so that
/// nuget.org packages (targeting packs for multi-targeting, for example) are restored once; packages of the test
/// version are deleted at the start of every run because their content changes while their version does not.
/// </remarks>
public sealed class PackagedProduct
{
    /// <summary>The version every package is packed with; throwaway projects reference it literally.</summary>
    public const string Version = "0.0.0-e2e";

    /// <summary>Packages whose id matches this (or is ModelRegistry, the library) come from the local feed only:
    /// restore never asks nuget.org for them.</summary>
    public const string PackagePrefix = "ModelRegistry.*";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PackagedProduct? instance;


    private PackagedProduct(string root)
    {
        Root = root;
        // The CLI's own home too: its local-tool resolver cache maps a tool's version to a path in one packages
        // folder, and a shared one would send this run's 'dotnet model-registry' to another checkout's folder.
        DotNet = new DotNetProcess(new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder, ["DOTNET_CLI_HOME"] = CliHomeFolder });
    }

    /// <summary>The run's working root: feed, packages folder and test folders.</summary>
    public string Root { get; }

    public string FeedFolder => Path.Combine(Root, "feed");

    /// <summary>NUGET_PACKAGES of every throwaway build.</summary>
    public string PackagesFolder => Path.Combine(Root, "packages");

    /// <summary>DOTNET_CLI_HOME of every throwaway build: its tool resolver cache, first-run sentinel and global tools.</summary>
    public string CliHomeFolder => Path.Combine(Root, "dotnet-home");

    /// <summary>Runs dotnet with NUGET_PACKAGES pointing at <see cref="PackagesFolder"/> and a scrubbed environment.</summary>
    public DotNetProcess DotNet { get; }

    /// <summary>
    /// The product packed into the feed, once per test run, by the repository's own Pack target
    /// (<c>./build.sh --target=Pack</c>): the one pack path releases and the demo use too, so it cannot break unseen.
    /// </summary>
    public static async Task<PackagedProduct> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (instance is null)
            {
                var started = Start();
                await started.PackAsync();
                instance = started;
            }

            return instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A fresh folder for one test with a NuGet.config (our packages from the local feed, the rest from nuget.org), the checkout's
    /// global.json, and empty Directory.Build.props/.targets so nothing above the folder leaks in.
    /// </summary>
    public TempFolder CreateFolder(string name)
    {
        var folder = TempFolder.At(Path.Combine(Root, "tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]));
        folder.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{FeedFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="e2e-feed">
                  <package pattern="{PackagePrefix}" />
                  <package pattern="ModelRegistry" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.Copy(RepositoryRoot.Combine("global.json"), folder.Combine("global.json"));
        folder.Write("Directory.Build.props", "<Project />\n");
        folder.Write("Directory.Build.targets", "<Project />\n");
        return folder;
    }

    private static PackagedProduct Start()
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryRoot.Path)))[..12];
        var product = new PackagedProduct(Path.Combine(Path.GetTempPath(), "modelregistry-e2e", key));
        DeleteIfExists(product.FeedFolder);
        DeleteIfExists(product.CliHomeFolder);
        DeleteIfExists(Path.Combine(product.Root, "tests"));
        if (Directory.Exists(product.PackagesFolder))
        {
            foreach (var stale in Directory.EnumerateDirectories(product.PackagesFolder, Version, SearchOption.AllDirectories))
            {
                DeleteIfExists(stale);
            }
        }

        Directory.CreateDirectory(product.FeedFolder);
        return product;
    }

    private async Task PackAsync()
    {
        // Packing restores the product's own dependencies, so it uses the machine's packages folder, not ours.
        var pack = new DotNetProcess { Timeout = TimeSpan.FromMinutes(10) };
        (await pack.RunAsync(RepositoryRoot.Path, ["tool", "restore"])).AssertSuccess();
        var result = await pack.RunAsync(
            RepositoryRoot.Path,
            ["cake", "build/build.cake", "--target=Pack", $"--package-output={FeedFolder}", $"--package-version={Version}"]);
        result.AssertSuccess();
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
