using System.Text.Json;

namespace ModelRegistry.Cake;

/// <summary>One declared configuration file.</summary>
public sealed class RecipeConfig
{
    /// <summary>Gets the path as declared.</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets the content digest.</summary>
    public string Digest { get; init; } = "";

    /// <summary>Gets the content of a small JSON or YAML file, inlined.</summary>
    public JsonElement? Content { get; init; }
}
