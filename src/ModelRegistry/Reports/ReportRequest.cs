using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>What <see cref="Registry.ReportAsync"/> generates: the output folder, the point in history, and which models.</summary>
public sealed record ReportRequest
{
    /// <summary>The folder of the site; created when missing. Only files an earlier report wrote there are ever removed.</summary>
    public required string Output { get; init; }

    public AsOf? AsOf { get; init; }

    /// <summary>The models to show (matched ignoring case); every model of the registry when empty.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
}
