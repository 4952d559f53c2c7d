using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ModelRegistry;

/// <summary>The document of <c>copy</c>: the version in the destination registry, and where it came from.</summary>
public sealed record CopyDocument : VersionInfo
{
    [JsonConstructor]
    public CopyDocument()
    {
    }

    [SetsRequiredMembers]
    public CopyDocument(VersionInfo version, CopySourceDocument source, string destination)
        : base(version)
    {
        Source = source;
        Destination = destination;
    }

    /// <summary>True when the copy created the version; false when the destination already held the recipe.</summary>
    public bool IsNew { get; init; }

    public long BytesCopied { get; init; }

    public required CopySourceDocument Source { get; init; }

    /// <summary>The destination registry's location.</summary>
    public required string Destination { get; init; }

    /// <summary>The registration signatures the copy carries in the destination (the source's valid ones, when the copy
    /// keeps the model name and version number), each checked there.</summary>
    public IReadOnlyList<SignatureEntry> Signatures { get; init; } = [];

    /// <summary>Why the source's registration signatures were not carried (the copy was renumbered).</summary>
    public string? SignatureNote { get; init; }
}

/// <summary>The version copied, in the source registry.</summary>
public sealed record CopySourceDocument(string Registry, string Model, int Version, string Digest);
