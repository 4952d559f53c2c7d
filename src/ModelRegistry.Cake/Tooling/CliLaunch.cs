using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>
/// How to start the CLI when it is not an executable of its own: the <c>dotnet</c> host with the words that come
/// before the command (<c>model-registry</c> for a local tool, the path of <c>model-registry.dll</c> for the
/// bundled CLI).
/// </summary>
internal sealed record CliLaunch(FilePath Host, IReadOnlyList<string> Prefix, string Description);
