using System.Text.Json.Nodes;
using ModelRegistry.Content;
using ModelRegistry.Manifest;

namespace ModelRegistry.Signing;

/// <summary>
/// Our own in-toto statement over one stage move, in the same envelope as the OMS one: subject
/// <c>&lt;model&gt;@&lt;version&gt;</c> with the version record's sha256, and a predicate naming the model, version,
/// version digest, stage, the revision that moved it, the stage it left, the recorded evidence and the signing time.
/// Binding the revision means a later, unsigned move of the same version into the same stage is not covered by it.
/// </summary>
public static class StageMoveStatement
{
    public const string PredicateType = "https://modelregistry.build/stage-move/v1";

    public static InTotoStatement Create(VersionInfo version, LogEntry move, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(move);
        var predicate = new JsonObject
        {
            ["model"] = version.Model,
            ["version"] = version.Version,
            ["versionDigest"] = version.Digest,
            ["stage"] = StageOf(move, version.Version),
            ["revision"] = move.Revision,
            ["moved"] = InTotoStatement.TimeText(move.Time),
            ["actor"] = move.Actor,
            ["evidence"] = move.Evidence?.DeepClone(),
            ["signedAt"] = InTotoStatement.TimeText(signedAt),
        };
        if (move.Evidence is null)
        {
            predicate.Remove("evidence");
        }

        return new InTotoStatement($"{version.Model}@{version.Version}", Sha256Digest.Hex(version.Digest), PredicateType, predicate);
    }

    /// <summary>Null when the statement signs exactly this move of this version, else what differs.</summary>
    public static string? Mismatch(InTotoStatement statement, VersionInfo version, StageMove move)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(move);
        if (statement.PredicateType != PredicateType)
        {
            return $"its predicate type is '{statement.PredicateType}', not {PredicateType}";
        }

        var predicate = statement.Predicate;
        return statement.SubjectSha256 != Sha256Digest.Hex(version.Digest) || predicate["versionDigest"]?.GetValue<string>() != version.Digest
            ? $"it signs another version digest than {version.Digest}"
            : !string.Equals(predicate["model"]?.GetValue<string>(), version.Model, StringComparison.OrdinalIgnoreCase) || Number(predicate["version"]) != version.Version
            ? $"it signs another model or version than {version.Model}@{version.Version}"
            : !string.Equals(predicate["stage"]?.GetValue<string>(), move.Stage, StringComparison.OrdinalIgnoreCase)
            ? $"it signs a move into '{predicate["stage"]}', not into {move.Stage}"
            : Number(predicate["revision"]) != move.Revision
            ? $"it signs revision {predicate["revision"]}, not revision {move.Revision} that made the move"
            : null;
    }

    public static DateTimeOffset? SignedAt(InTotoStatement statement) => InTotoStatement.Time(statement?.Predicate["signedAt"]);

    /// <summary>The stage a move put <paramref name="version"/> into: its target, or where it went when displaced.</summary>
    internal static string? StageOf(LogEntry move, int version) => move.Version == version ? move.Stage : move.Displaced == version ? move.DisplacedTo : null;

    /// <summary>The move a revision made of <paramref name="version"/>, or null when it did not move it.</summary>
    internal static StageMove? MoveOf(LogEntry? entry, int version) =>
        entry is not null && StageOf(entry, version) is { } stage ? new StageMove(entry.Revision, stage) : null;

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}

/// <summary>A revision that moved a version into a stage: what a stage-move signature must name.</summary>
public sealed record StageMove(long Revision, string Stage);
