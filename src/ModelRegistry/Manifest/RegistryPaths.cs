using System.Globalization;
using ModelRegistry.Content;

namespace ModelRegistry.Manifest;

/// <summary>Where every object of the registry lives; docs/storage-format.md draws the same tree.</summary>
public static class RegistryPaths
{
    public const string Settings = "registry.json";

    public const string Blobs = "blobs/sha256/";

    public const string ModelIndex = "index/models/";

    /// <summary>The retention policy's revisions: <c>retention/&lt;20 digits&gt;.json</c>.</summary>
    public const string Retention = "retention/";

    public static string RetentionRevision(long revision) => $"{Retention}{revision.ToString("D20", CultureInfo.InvariantCulture)}.json";

    /// <summary>A summary of a model's log revisions <paramref name="first"/> to first + <see cref="LogSummarySpan"/> - 1.</summary>
    public static string LogSummary(string key, long first) => $"models/{key}/summaries/{first.ToString("D20", CultureInfo.InvariantCulture)}.json";

    /// <summary>How many revisions one log summary covers.</summary>
    public const int LogSummarySpan = 1000;

    public static string Blob(string digest)
    {
        var hex = Sha256Digest.Hex(digest);
        return $"{Blobs}{hex[..2]}/{hex}";
    }

    public static string ModelEntry(string key) => $"{ModelIndex}{key}.json";

    public static string Model(string key) => $"models/{key}/";

    public static string Log(string key, long revision) => $"models/{key}/log/{revision.ToString("D20", CultureInfo.InvariantCulture)}.json";

    public static string LogFolder(string key) => $"models/{key}/log/";

    public static string State(string key) => $"models/{key}/state.json";

    public static string Record(string key, string digest) => $"models/{key}/records/{Sha256Digest.Hex(digest)}.json";

    public static string RecordFolder(string key) => $"models/{key}/records/";

    public static string VersionIndex(string key, int version) => $"models/{key}/versions/{version.ToString("D10", CultureInfo.InvariantCulture)}.json";

    public static string VersionFolder(string key) => $"models/{key}/versions/";

    public static string RecipeIndex(string key, string recipeDigest) => $"models/{key}/recipes/{Sha256Digest.Hex(recipeDigest)}.json";

    /// <summary>The digest of a blob path (<c>blobs/sha256/ab/ab…</c>), matched segment by segment; null for any other path.</summary>
    public static string? BlobDigest(string path)
    {
        var segments = path.Split('/');
        return segments is ["blobs", "sha256", var shard, var hex] && IsHex64(hex) && hex.StartsWith(shard, StringComparison.Ordinal) && shard.Length == 2
            ? Sha256Digest.Prefix + hex
            : null;
    }

    /// <summary>The model key of a record path (<c>models/&lt;key&gt;/records/&lt;64 hex&gt;.json</c>), matched segment by
    /// segment: a model whose key is "records", or a registry nested in a folder of this one, is never mistaken for one.</summary>
    public static string? RecordKey(string path)
    {
        var segments = path.Split('/');
        return segments is ["models", var key, "records", var file] && Naming.ModelName.IsValid(key) && !key.Any(char.IsAsciiLetterUpper)
            && file.EndsWith(".json", StringComparison.Ordinal) && IsHex64(file[..^5])
            ? key
            : null;
    }

    /// <summary>The model key of a log entry path (<c>models/&lt;key&gt;/log/&lt;20 digits&gt;.json</c>), or null.</summary>
    public static string? LogKey(string path)
    {
        var segments = path.Split('/');
        return segments is ["models", var key, "log", var file] && Naming.ModelName.IsValid(key) && !key.Any(char.IsAsciiLetterUpper)
            && file.Length == 25 && file.EndsWith(".json", StringComparison.Ordinal) && file[..20].All(char.IsAsciiDigit)
            ? key
            : null;
    }

    /// <summary>The revision a log entry's path names (<c>models/&lt;key&gt;/log/&lt;revision&gt;.json</c>); null for any other path.</summary>
    public static long? LogRevision(string path) =>
        LogKey(path) is null ? null : long.Parse(path.AsSpan(path.Length - 25, 20), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A temporary file of a writer (<c>.tmp/&lt;name&gt;</c>), matched by segments.</summary>
    public static bool IsTemporary(string path) => path.Split('/') is [".tmp", { Length: > 0 }];

    private static bool IsHex64(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    public static string LabelIndex(string key, string label) => $"models/{key}/labels/{label.ToLowerInvariant()}.json";

    /// <summary>Public keys of signers, by key id: <c>keys/&lt;64 hex&gt;.pem</c>, create-only; a reader checks that
    /// the key hashes to its name, so the file cannot name another key.</summary>
    public const string SigningKeys = "keys/";

    public static string SigningKey(string keyId) => $"{SigningKeys}{keyId}.pem";

    /// <summary>Every signature of a version: <c>models/&lt;key&gt;/signatures/&lt;version, 10 digits&gt;/</c>.</summary>
    public static string ModelSignatures(string key) => $"models/{key}/signatures/";

    public static string VersionSignatures(string key, int version) => $"{ModelSignatures(key)}{version.ToString("D10", CultureInfo.InvariantCulture)}/";

    public static string SignatureFolder(string key) => $"models/{key}/signatures/";

    public static string RegistrationSignature(string key, int version, string keyId) => $"{VersionSignatures(key, version)}registration/{keyId}.sig.json";

    /// <summary>The signatures of the move that revision <paramref name="revision"/> made.</summary>
    public static string StageSignatures(string key, int version, long revision) => $"{VersionSignatures(key, version)}stage/{revision.ToString("D20", CultureInfo.InvariantCulture)}/";

    public static string StageSignature(string key, int version, long revision, string keyId) => $"{StageSignatures(key, version, revision)}{keyId}.sig.json";

    /// <summary>What a signature path names (version, the move's revision or null for the registration, key id), matched
    /// segment by segment; null for any other path.</summary>
    public static (int Version, long? Revision, string KeyId)? SignaturePath(string path)
    {
        var segments = path.Split('/');
        var (version, revision, file) = segments switch
        {
            ["models", _, "signatures", var v, "registration", var f] => (v, (string?)null, f),
            ["models", _, "signatures", var v, "stage", var r, var f] when r.Length == 20 && r.All(char.IsAsciiDigit) => (v, r, f),
            _ => ("", null, ""),
        };
        return version.Length == 10 && version.All(char.IsAsciiDigit) && file.EndsWith(".sig.json", StringComparison.Ordinal)
            && Signing.KeyIds.IsValid(file[..^9]) && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, revision is null ? null : long.Parse(revision, CultureInfo.InvariantCulture), file[..^9])
            : null;
    }
}
