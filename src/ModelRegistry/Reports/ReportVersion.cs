using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>One version as the report shows it: what commands report about it, and its full record (recipe, evaluation).</summary>
internal sealed record ReportVersion(VersionInfo Info, VersionRecord Record)
{
    public int Number => Info.Version;

    public bool Purged => Info.PurgedBy is not null;

    /// <summary>The version's stored signatures, each checked; empty when it is not signed.</summary>
    public IReadOnlyList<SignatureEntry> Signatures { get; init; } = [];
}
