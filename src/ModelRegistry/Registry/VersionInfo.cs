using ModelRegistry.Content;
using ModelRegistry.Manifest;

namespace ModelRegistry;

/// <summary>One model version as commands report it: the fields every face and the --json documents rely on.</summary>
public sealed record VersionInfo
{
    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary>The immutable ID: <c>sha256:</c> of the version record.</summary>
    public required string Digest { get; init; }

    public required string Stage { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required IReadOnlyList<ArtifactFile> Files { get; init; }

    public string? Label { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public DateTimeOffset Created { get; init; }

    public string? CreatedBy { get; init; }

    /// <summary>The revision that registered the version (not looked up when a stage or alias was resolved).</summary>
    public long? Revision { get; init; }

    /// <summary>The model's revision this answer was read at.</summary>
    public long ModelRevision { get; init; }

    public string RecipeDigest { get; init; } = "";

    /// <summary>The revision whose retention purge removed this version's files; null while they are stored. The
    /// record, metrics and lineage stay, so show, diff, lineage and provenance still answer.</summary>
    public long? PurgedBy { get; init; }

    /// <summary>Refuses a version whose files are gone (MRB1230), naming the revision that purged them.</summary>
    public VersionInfo EnsureFilesStored() =>
        PurgedBy is { } revision ? throw Errors.VersionPurged(Model, Version, revision) : this;

    internal static VersionInfo From(VersionRecord record, string digest, VersionIndexEntry index, ModelView view, RegistrySettings settings) => new()
    {
        Model = view.Model,
        Version = index.Version,
        Digest = digest,
        Stage = view.State.StageOf(index.Version, RegistrySettings.None, RegistrySettings.Archived),
        Aliases = view.State.AliasesOf(index.Version),
        Files = record.Files,
        Label = record.Label,
        Tags = record.Tags,
        Description = record.Description,
        Metrics = record.Metrics,
        Created = record.Created,
        CreatedBy = record.CreatedBy,
        Revision = index.Revision,
        ModelRevision = view.Revision,
        RecipeDigest = record.RecipeDigest,
        PurgedBy = view.State.Purged.TryGetValue(index.Version, out var purgedBy) ? purgedBy : null,
    };
}
