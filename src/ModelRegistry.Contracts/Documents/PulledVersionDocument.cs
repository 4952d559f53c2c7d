using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ModelRegistry;

/// <summary>The document of <c>pull</c>: the version, and the folder its files were written into.</summary>
public sealed record PulledVersionDocument : VersionInfo
{
    [JsonConstructor]
    public PulledVersionDocument()
    {
    }

    [SetsRequiredMembers]
    public PulledVersionDocument(VersionInfo version, string output)
        : base(version)
    {
        Output = output;
    }

    /// <summary>The full path of the folder the files are in.</summary>
    public required string Output { get; init; }
}
