using System.Text.Json.Serialization;
using ModelRegistry.Content;
using ModelRegistry.Schemas;

namespace ModelRegistry.Runtime;

/// <summary>The --json document of <c>model-registry restore</c> (docs/cli.md): every reference restored, where its
/// files are, and every problem (also printed as coded errors on stderr). The tool writes it and the faces read it
/// with the registry's JSON options (camelCase, enums as camelCase text, no nulls), so both sides share one definition.</summary>
public sealed record RestoreDocument(string LockFile, bool LockWritten, string Cache, IReadOnlyList<RestoredModelDocument> Models, IReadOnlyList<ProblemDocument> Problems);

/// <summary>One restored reference: the lock entry (model, requested, version, digest, files) and its cache folder.</summary>
public sealed record RestoredModelDocument(string Model, string Requested, int Version, string Digest, IReadOnlyList<ArtifactFile> Files, string Path, RestoreChange Change, int? PreviousVersion, bool Pulled)
{
    /// <summary>Under a trust policy: the policy's fingerprint and the signatures that made the version acceptable.</summary>
    public LockedTrust? Trust { get; init; }

    /// <summary>The version's schema, when it records one.</summary>
    public ModelSchema? Schema { get; init; }

    /// <summary>The fingerprint of the schema pin the version was checked against (docs/schemas.md); null without one.</summary>
    public string? SchemaPin { get; init; }

    /// <summary>The entry the lock file holds for this reference.</summary>
    [JsonIgnore]
    public LockedModel Entry => new(Model, Requested, Version, Digest, Files) { Trust = Trust, Schema = Schema, SchemaPin = SchemaPin };
}
