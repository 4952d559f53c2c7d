using System.Text.Json;
using System.Text.Json.Nodes;
using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>
/// Finds the CLI where Cake does not look by itself: a global tool outside PATH, a local tool in a
/// dotnet-tools.json manifest, and the CLI bundled in the addin package. Cake's own resolution (ToolPath, tools
/// registered with #tool, PATH) comes first; this is the rest of the search, in order.
/// </summary>
internal sealed class CliLocator(ICakeEnvironment environment, IFileSystem fileSystem)
{
    public const string ToolCommand = "model-registry";

    /// <summary>Where the bundled CLI sits relative to the addin assembly (lib/net10.0/ in the package).</summary>
    private static readonly string[] BundledSegments = ["..", "..", "tools", "cli", "model-registry.dll"];

    public IEnumerable<FilePath> GlobalToolPaths()
    {
        var executable = environment.Platform.Family == PlatformFamily.Windows ? ToolCommand + ".exe" : ToolCommand;
        foreach (var home in new[] { environment.GetEnvironmentVariable("DOTNET_CLI_HOME"), environment.GetEnvironmentVariable("HOME"), environment.GetEnvironmentVariable("USERPROFILE") })
        {
            if (!string.IsNullOrEmpty(home))
            {
                yield return new DirectoryPath(home).Combine(".dotnet/tools").CombineWithFilePath(executable);
            }
        }
    }

    /// <summary>The local tool or the bundled CLI, run through the dotnet host; null when neither exists.</summary>
    public CliLaunch? HostedLaunch(DirectoryPath workingDirectory)
    {
        var host = DotNetHost();
        if (host is null)
        {
            return null;
        }

        if (FindLocalToolManifest(workingDirectory) is { } manifest)
        {
            return new CliLaunch(host, [ToolCommand], "the local tool of " + manifest.FullPath);
        }

        return BundledCli() is { } bundled ? new CliLaunch(host, [bundled.FullPath], "the CLI bundled with the addin") : null;
    }

    public static FilePath? BundledCli()
    {
        var location = typeof(CliLocator).Assembly.Location;
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([System.IO.Path.GetDirectoryName(location)!, .. BundledSegments]));
        return File.Exists(path) ? new FilePath(path) : null;
    }

    /// <summary>The dotnet host: Cake itself runs in it (dotnet cake), otherwise the SDK names it in DOTNET_HOST_PATH.</summary>
    private FilePath? DotNetHost()
    {
        if (Environment.ProcessPath is { } process && System.IO.Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new FilePath(process);
        }

        return environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? new FilePath(hostPath) : null;
    }

    /// <summary>A dotnet-tools.json (at a folder or in its .config) that lists the model-registry command, searched upward.</summary>
    private FilePath? FindLocalToolManifest(DirectoryPath start)
    {
        var folder = start.MakeAbsolute(environment);
        while (true)
        {
            foreach (var candidate in new[] { folder.CombineWithFilePath("dotnet-tools.json"), folder.Combine(".config").CombineWithFilePath("dotnet-tools.json") })
            {
                if (fileSystem.Exist(candidate) && ListsCommand(candidate))
                {
                    return candidate;
                }
            }

            var parent = folder.GetParent();
            if (parent is null || parent.FullPath == folder.FullPath)
            {
                break;
            }

            folder = parent;
        }

        return null;
    }

    /// <summary>Whether a tool manifest lists the model-registry command; a manifest that is not one says no.</summary>
    internal static bool ListsCommand(FilePath manifest)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(manifest.FullPath)) is JsonObject root && root["tools"] is JsonObject tools
                && tools.Any(tool => tool.Value is JsonObject entry && entry["commands"] is JsonArray commands
                    && commands.Any(c => c?.GetValueKind() == JsonValueKind.String && c.GetValue<string>() == ToolCommand));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // An unreadable manifest is not ours to report: the search goes on to the bundled CLI.
            return false;
        }
    }
}
