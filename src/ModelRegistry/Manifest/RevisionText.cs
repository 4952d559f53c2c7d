namespace ModelRegistry.Manifest;

/// <summary>One line of plain text that says what a revision did, as <c>history</c> and the report word it.</summary>
public static class RevisionText
{
    public static string Describe(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Operation switch
        {
            Operation.Register => $"registered version {entry.Version}{(entry.Label is null ? "" : $" ({entry.Label})")}",
            Operation.Stage => $"version {entry.Version}: {entry.FromStage} -> {entry.Stage}{(entry.Displaced is { } d ? $" (version {d} -> {entry.DisplacedTo})" : "")}",
            Operation.AliasSet => $"alias {entry.Alias} -> version {entry.Version}",
            Operation.AliasRemove => $"alias {entry.Alias} removed (was version {entry.Version})",
            Operation.PromotionRequested => $"promotion of version {entry.Version} to {entry.Stage} requested",
            Operation.PromotionRejected => $"promotion of version {entry.Version} to {entry.Stage} rejected",
            Operation.Purge => $"purged the files of version(s) {string.Join(", ", entry.Versions ?? [])} (retention policy revision {entry.PolicyRevision})",
            Operation.Restore => $"restored the files of version {entry.Version}",
            _ => entry.Operation.ToString(),
        };
    }
}
