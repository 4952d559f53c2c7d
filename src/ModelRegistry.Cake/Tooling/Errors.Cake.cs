using Cake.Core;

namespace ModelRegistry.Cake;

/// <summary>
/// The errors the addin raises itself (MRB18xx), one factory each, documented in docs/errors.md. Errors of the
/// registry come from the CLI with their own codes and reach the script unchanged through <see cref="CommandFailed"/>.
/// </summary>
internal static class Errors
{
    public static CakeException CliNotFound(string searched) => Raise("MRB1801",
        $"The model-registry CLI was not found (searched: {searched}). Set ToolPath in the alias settings, install the tool (dotnet tool install ModelRegistry.Cli, or #tool dotnet:?package=ModelRegistry.Cli), or load the addin from its package, which carries the CLI under tools/cli.");

    public static CakeException ToolPathIsAssembly(string path) => Raise("MRB1802",
        $"ToolPath names an assembly ({path}), but Cake starts executables. Point ToolPath at the model-registry executable, or leave it unset to use the installed tool or the CLI bundled with the addin.");

    public static CakeException CommandCrashed(string command, int exitCode, IReadOnlyList<string> standardError) => Raise("MRB1803",
        $"model-registry {command} exited with code {exitCode} without a coded error. Its output: {(standardError.Count == 0 ? "(none)" : string.Join(Environment.NewLine, standardError))}", exitCode);

    public static CakeException UnreadableOutput(string command, string why) => Raise("MRB1804",
        $"model-registry {command} did not print the JSON document the addin reads ({why}). The CLI and the addin probably come from different versions: use the CLI bundled with the addin.");

    /// <summary>The command's coded errors as the CLI printed them (<c>MRB1203: ...</c>, one per line); the CLI's exit code is kept.</summary>
    public static CakeException CommandFailed(int exitCode, IReadOnlyList<string> codedErrors) =>
        new(exitCode, string.Join(Environment.NewLine, codedErrors));

    /// <summary>The message begins with its code, as every coded message of the product does.</summary>
    private static CakeException Raise(string code, string text, int exitCode = 1) => new(exitCode, $"{code}: {text}");
}
