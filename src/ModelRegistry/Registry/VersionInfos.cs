using ModelRegistry.Manifest;

namespace ModelRegistry;

/// <summary>How the engine makes and checks <see cref="VersionInfo"/>, the contract's version document.</summary>
public static class VersionInfos
{
    /// <summary>Refuses a version whose files are gone (MRB1230), naming the revision that purged them.</summary>
    public static VersionInfo EnsureFilesStored(this VersionInfo version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.PurgedBy is { } revision ? throw Errors.VersionPurged(version.Model, version.Version, revision) : version;
    }

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
        Schema = record.Schema,
        Created = record.Created,
        CreatedBy = record.CreatedBy,
        Revision = index.Revision,
        ModelRevision = view.Revision,
        RecipeDigest = record.RecipeDigest,
        PurgedBy = view.State.Purged.TryGetValue(index.Version, out var purgedBy) ? purgedBy : null,
    };
}
