using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>
/// What every model-registry alias accepts: the registry location, plus Cake's tool settings (<c>ToolPath</c>,
/// <c>WorkingDirectory</c>, <c>EnvironmentVariables</c>, <c>ToolTimeout</c>, <c>HandleExitCode</c>, ...).
/// </summary>
/// <remarks>
/// The CLI is found in this order: <c>ToolPath</c>; a <c>model-registry</c> executable registered with <c>#tool</c> or
/// on PATH; the global tool folder; a local tool listed in a <c>dotnet-tools.json</c>; the CLI bundled with the
/// addin package (run as <c>dotnet model-registry.dll</c>).
/// </remarks>
public abstract class ModelRegistrySettings : ToolSettings
{
    /// <summary>
    /// Gets or sets the registry location: a folder (relative to the script's working directory) or an Azure
    /// container URL. CLI flag: <c>--registry</c>; a location that carries a credential (a SAS) is handed to the CLI
    /// in <c>$MODEL_REGISTRY</c> instead, never on its command line. When unset the CLI uses <c>$MODEL_REGISTRY</c>,
    /// else <c>./.model-registry</c>.
    /// </summary>
    public string? Registry { get; set; }

    /// <summary>The command's options, after the verb and its positional arguments.</summary>
    internal virtual void AddOptions(CliCommandLine line, ICakeEnvironment environment)
    {
    }

    /// <summary>Variables for the CLI's process beyond <c>EnvironmentVariables</c>: secrets go here, not on the command line.</summary>
    internal virtual IEnumerable<KeyValuePair<string, string>> ProcessEnvironment() => [];

    /// <summary>The registry for <see cref="CliRun"/>: a URL as written, a folder resolved against Cake's working
    /// directory, as every Cake path is. A location that carries a credential travels in the environment.</summary>
    internal string? RegistryLocation(ICakeEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(Registry) || CliProcessEnvironment.CarriesCredential(Registry))
        {
            return Registry;
        }

        var isUrl = Uri.TryCreate(Registry, UriKind.Absolute, out var uri) && !uri.IsFile;
        return isUrl ? Registry : new DirectoryPath(Registry).MakeAbsolute(environment).FullPath;
    }
}
