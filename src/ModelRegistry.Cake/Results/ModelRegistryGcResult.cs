using System.Text.Json.Serialization;
using ModelRegistry.Content;

namespace ModelRegistry.Cake;

/// <summary>What <c>model-registry gc</c> planned or did: each model's retention plan and the files removed (or to remove).</summary>
public sealed class ModelRegistryGcResult
{
    /// <summary>Gets a value indicating whether this was only a plan (no <c>--apply</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the retention policy revision applied; null without a policy (keep everything).</summary>
    public long? PolicyRevision { get; init; }

    /// <summary>Gets each model's plan.</summary>
    public IReadOnlyList<ModelRetentionPlan> Models { get; init; } = [];

    /// <summary>Gets the files removed, or to remove in a plan: files only purged versions name and files no revision names.</summary>
    [JsonPropertyName("unnamed")]
    public IReadOnlyList<ArtifactFile> Files { get; init; } = [];

    /// <summary>Gets the bytes of <see cref="Files"/>.</summary>
    public long Bytes { get; init; }

    /// <summary>Gets how many such files were still within the grace period and stay.</summary>
    public int Kept { get; init; }

    /// <summary>Gets how many files a writer reused or named while gc ran, which stayed.</summary>
    public int Spared { get; init; }
}

/// <summary>One model's retention plan: the versions kept and why, the versions purged.</summary>
public sealed class ModelRetentionPlan
{
    /// <summary>Gets the model.</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets the policy applied, as the options that set it.</summary>
    public string Policy { get; init; } = "";

    /// <summary>Gets the versions that keep their files, each with the rules that keep it.</summary>
    public IReadOnlyList<KeptModelVersion> Kept { get; init; } = [];

    /// <summary>Gets the versions whose files go.</summary>
    public IReadOnlyList<PurgedModelVersion> Purge { get; init; } = [];

    /// <summary>Gets how many versions earlier purges took.</summary>
    public int AlreadyPurged { get; init; }

    /// <summary>Gets the bytes purging frees (files a kept version shares are not counted).</summary>
    public long BytesReclaimed { get; init; }

    /// <summary>Gets the revision that recorded the purge, with <c>Apply</c>.</summary>
    public long? PurgeRevision { get; init; }
}

/// <summary>A version retention keeps.</summary>
public sealed class KeptModelVersion
{
    /// <summary>Gets the version number.</summary>
    public int Version { get; init; }

    /// <summary>Gets the rules that keep it (holds Production, among the last 10, …).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

/// <summary>A version retention purges.</summary>
public sealed class PurgedModelVersion
{
    /// <summary>Gets the version number.</summary>
    public int Version { get; init; }

    /// <summary>Gets how many files it names.</summary>
    public int Files { get; init; }

    /// <summary>Gets the bytes of those files.</summary>
    public long Bytes { get; init; }
}
