namespace ModelRegistry;

/// <summary>
/// The document of <c>report</c>: where the static site was generated and what the run did to it. Paths are relative
/// to <see cref="Output"/>, with '/' separators, sorted. A page whose bytes were already there is counted in
/// <see cref="Unchanged"/> and not rewritten; <see cref="Removed"/> are pages an earlier run wrote for models or
/// versions no longer in the report.
/// </summary>
public sealed record ReportDocument(string Output, IReadOnlyList<string> Written, int Unchanged, IReadOnlyList<string> Removed)
{
    /// <summary>Every page and asset of the site, written or not.</summary>
    public int Pages { get; init; }

    /// <summary>The models the site shows.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
}
