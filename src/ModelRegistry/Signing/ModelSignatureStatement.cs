using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ModelRegistry.Content;

namespace ModelRegistry.Signing;

/// <summary>
/// The OpenSSF Model Signing (OMS) v1.0 statement over a version's files: predicate type
/// <c>https://model_signing/signature/v1.0</c>, every file as a resource (name, sha256, hex digest) in name order, the
/// "files" serialization, and as subject the model's name with the sha256 over the resources' raw digests in that order.
/// The predicate also carries a <c>modelregistry</c> object (model, version, version digest, signing time); OMS v1.0
/// verifiers ignore fields they do not know.
/// </summary>
public static class ModelSignatureStatement
{
    public const string PredicateType = "https://model_signing/signature/v1.0";

    public static InTotoStatement Create(VersionInfo version, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(version);
        var files = Ordered(version.Files);
        var resources = new JsonArray();
        foreach (var file in files)
        {
            resources.Add(new JsonObject { ["name"] = file.Path, ["algorithm"] = "sha256", ["digest"] = Sha256Digest.Hex(file.Digest) });
        }

        var predicate = new JsonObject
        {
            ["serialization"] = new JsonObject { ["method"] = "files", ["hash_type"] = "sha256", ["allow_symlinks"] = false, ["ignore_paths"] = new JsonArray() },
            ["resources"] = resources,
            ["modelregistry"] = new JsonObject
            {
                ["model"] = version.Model,
                ["version"] = version.Version,
                ["versionDigest"] = version.Digest,
                ["signedAt"] = InTotoStatement.TimeText(signedAt),
            },
        };
        return new InTotoStatement(version.Model, RootDigest(files.Select(f => Sha256Digest.Hex(f.Digest))), PredicateType, predicate);
    }

    /// <summary>Null when <paramref name="statement"/> signs exactly this version's files (no file more, none less, no
    /// other digest), else what differs.</summary>
    public static string? Mismatch(InTotoStatement statement, VersionInfo version)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(version);
        if (statement.PredicateType != PredicateType)
        {
            return $"its predicate type is '{statement.PredicateType}', not {PredicateType}";
        }

        var signed = new List<(string Name, string Digest)>();
        foreach (var resource in statement.Predicate["resources"] as JsonArray ?? [])
        {
            if (resource?["name"]?.GetValue<string>() is not { } name || resource["digest"]?.GetValue<string>() is not { } digest || resource["algorithm"]?.GetValue<string>() != "sha256")
            {
                return "a resource is not a sha256 file digest";
            }

            signed.Add((name, digest));
        }

        if (RootDigest(signed.Select(s => s.Digest)) != statement.SubjectSha256)
        {
            return "its subject digest does not match its resources";
        }

        var stored = Ordered(version.Files).Select(f => (f.Path, Sha256Digest.Hex(f.Digest))).ToList();
        var missing = stored.Except(signed).Select(f => f.Item1).ToList();
        var extra = signed.Except(stored).Select(f => f.Item1).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"it signs other files than the version holds (not signed as stored: {Names(missing)}; signed but not stored: {Names(extra)})";
        }

        var registry = statement.Predicate["modelregistry"];
        return registry?["versionDigest"]?.GetValue<string>() is { } digestSigned && digestSigned != version.Digest
            ? $"it names version digest {digestSigned}, not {version.Digest}"
            : null;
    }

    /// <summary>The signing time the signer wrote into the statement.</summary>
    public static DateTimeOffset? SignedAt(InTotoStatement statement) =>
        InTotoStatement.Time(statement?.Predicate["modelregistry"]?["signedAt"]);

    private static List<ArtifactFile> Ordered(IEnumerable<ArtifactFile> files) => [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];

    private static string RootDigest(IEnumerable<string> hexDigests)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var hex in hexDigests)
        {
            hash.AppendData(Convert.FromHexString(hex));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Names(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
