using ModelRegistry.Manifest;

namespace ModelRegistry;

/// <summary>The document of <c>list</c>: the models of a registry.</summary>
public sealed record ModelListDocument(string Registry, IReadOnlyList<string> Models);

/// <summary>The document of <c>list &lt;model&gt;</c>: every version of a model.</summary>
public sealed record VersionListDocument(string Model, IReadOnlyList<VersionInfo> Versions);

/// <summary>The document of <c>history &lt;model&gt;</c>: every revision, oldest first, as the log holds it.</summary>
public sealed record HistoryDocument(string Model, IReadOnlyList<LogEntry> Revisions);

/// <summary>The document of <c>alias remove</c>.</summary>
public sealed record AliasRemovedDocument(string Model, string Alias)
{
    /// <summary>Always true here.</summary>
    public bool Removed { get; init; } = true;
}
