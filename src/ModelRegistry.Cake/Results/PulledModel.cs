using System.Text.Json;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>A model version downloaded into a folder, every file verified by its digest.</summary>
public sealed class PulledModel
{
    /// <summary>Gets the version that was pulled.</summary>
    public required VersionInfo Version { get; init; }

    /// <summary>Gets the folder the files were written into.</summary>
    public DirectoryPath Folder { get; init; } = new(".");

    /// <summary>Gets the path of each pulled file, in the version's order.</summary>
    public IEnumerable<FilePath> Files => Version.Files.Select(f => Folder.CombineWithFilePath(f.Path));

    internal static PulledModel From(JsonElement document, string command) => new()
    {
        Version = CliJson.Read<VersionInfo>(document, command),
        Folder = new DirectoryPath(CliJson.Text(document, "output") ?? throw Errors.UnreadableOutput(command, "it names no output folder")),
    };
}
