using System.Text.Json;
using System.Text.Json.Serialization;
using ModelRegistry.Runtime;

namespace ModelRegistry.Signing;

/// <summary>
/// A consumer's trust policy (docs/signing.md): the keys it trusts, each with an optional retirement time, and per stage
/// what a version in that stage must carry: <c>registration</c> (a trusted signature over exactly its files) and
/// <c>promotion</c> (a trusted signature over the revision that moved it into the stage), optionally from named keys
/// only. <c>*</c> covers every stage not named; a version in a stage the policy does not cover is refused.
/// </summary>
public sealed class TrustPolicy : IDisposable
{
    public const string Registration = "registration";

    public const string Promotion = "promotion";

    public const string AnyStage = "*";

    private readonly Dictionary<string, StageRule> stages;

    private TrustPolicy(string source, string fingerprint, IReadOnlyList<TrustedKey> keys, Dictionary<string, StageRule> stages)
    {
        Source = source;
        Fingerprint = fingerprint;
        Keys = keys;
        this.stages = stages;
    }

    /// <summary>Where the policy came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The policy's <see cref="TrustPolicyFingerprint"/>, recorded in the lock file with what it verified.</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<TrustedKey> Keys { get; }

    public static TrustPolicy Load(string path)
    {
        var full = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.TrustFileInvalid(path, e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file could not be read");
        }

        return Parse(bytes, path, Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses a policy; public key paths are relative to <paramref name="baseFolder"/>.</summary>
    public static TrustPolicy Parse(string json, string source, string baseFolder) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json ?? ""), source, baseFolder);

    private static TrustPolicy Parse(byte[] json, string source, string baseFolder)
    {
        TrustPolicyFile file;
        try
        {
            file = TrustPolicyFile.Read(json, Manifest.RegistryJson.Options) ?? throw Errors.TrustFileInvalid(source, "it is empty");
        }
        catch (JsonException e)
        {
            throw Errors.TrustFileInvalid(source, $"it is not valid JSON ({e.Message})");
        }

        if (file.Keys is not { Count: > 0 })
        {
            throw Errors.TrustFileInvalid(source, "it names no keys");
        }

        if (file.Keys.Any(k => k is null))
        {
            throw Errors.TrustFileInvalid(source, "an entry of \"keys\" is null, not {\"publicKey\": ...} or {\"id\": ...}");
        }

        var keys = new List<TrustedKey>();
        try
        {
            foreach (var entry in file.Keys)
            {
                keys.Add(TrustedKey.From(entry!, source, baseFolder));
            }

            var stages = new Dictionary<string, StageRule>(StringComparer.OrdinalIgnoreCase);
            foreach (var (stage, rule) in file.Stages ?? new Dictionary<string, JsonElement>())
            {
                stages[stage] = StageRule.From(stage, rule, keys, source);
            }

            return stages.Count == 0
                ? throw Errors.TrustFileInvalid(source, "it names no stages: add \"stages\": {\"Production\": [\"registration\", \"promotion\"]}")
                : new TrustPolicy(source, TrustPolicyFingerprint.Of(json, baseFolder), keys, stages);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    /// <summary>What a version in <paramref name="stage"/> must carry; refused when the policy does not cover the stage.</summary>
    public IReadOnlyList<string> Requirements(string stage) => RuleFor(stage).Requires;

    /// <summary>The key with this id, whatever stage it is trusted for (to check a signature with), or null.</summary>
    public TrustedKey? Find(string keyId) => Keys.FirstOrDefault(k => k.KeyId == keyId);

    /// <summary>
    /// Why a valid signature by <paramref name="keyId"/>, made at <paramref name="signedAt"/>, does not count for a
    /// version in <paramref name="stage"/>; null when it counts. The one rule for a key, online (a checked signature) and
    /// offline (a lock's record): the policy trusts the key, for that stage, and had not retired it at the signing time.
    /// </summary>
    public string? WhyNotCounted(string keyId, string stage, DateTimeOffset? signedAt) =>
        Find(keyId) is not { } key ? "its key is not trusted by the policy"
        : !RuleFor(stage).Allows(key) ? $"the policy does not trust key {key.Display} for {stage}"
        : signedAt is not { } time ? "it carries no signing time, so the key's retirement cannot be checked"
        : !key.ValidAt(time) ? $"key {key.Display} was retired at {key.NotAfter:O} and this was signed at {time:O}"
        : null;

    /// <summary>What <paramref name="stage"/> requires that none of <paramref name="signatures"/> provides: a requirement is
    /// met by a signature of its kind that counts (<see cref="WhyNotCounted"/>). The callers pass only signatures that
    /// verified and that sign what the version is now (its files, the move into its stage).</summary>
    public IReadOnlyList<string> Unmet(string stage, IEnumerable<LockedSignature> signatures)
    {
        var counted = signatures.Where(s => WhyNotCounted(s.KeyId, stage, s.SignedAt) is null).Select(s => s.Kind).ToHashSet(StringComparer.Ordinal);
        return [.. Requirements(stage).Where(kind => !counted.Contains(kind))];
    }

    /// <summary>
    /// Judges offline what a restore recorded in the lock (key ids and signing times, verified then): the problems that
    /// keep the version from being accepted under this policy now, or none. The signatures themselves are not read
    /// again: a key id names exactly one public key, so a record this policy trusts was verified under that key.
    /// </summary>
    public IReadOnlyList<string> Judge(LockedTrust recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return [.. Unmet(recorded.Stage, recorded.Signatures).Select(kind =>
            recorded.Signatures.Where(s => s.Kind == kind).Select(s => s.KeyId).ToList() is { Count: > 0 } keys
                ? $"the lock records its {kind} signed by {string.Join(", ", keys)}, and this policy trusts none of them for {recorded.Stage} at its signing time"
                : $"the lock records no {kind} signature for it in {recorded.Stage}")];
    }

    private StageRule RuleFor(string stage) =>
        stages.TryGetValue(stage, out var rule) || stages.TryGetValue(AnyStage, out rule)
            ? rule
            : throw Errors.StageNotCovered(stage, Source);

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }
    }

    /// <summary>What one stage requires, and the ids of the keys trusted for it (null: every key of the policy).</summary>
    private sealed record StageRule(IReadOnlyList<string> Requires, IReadOnlySet<string>? KeyIds)
    {
        public bool Allows(TrustedKey key) => KeyIds is null || KeyIds.Contains(key.KeyId);

        /// <summary>A stage is written as a list of requirements, or as <c>{"require": [...], "keys": [name or id, ...]}</c>.</summary>
        public static StageRule From(string stage, JsonElement rule, IReadOnlyList<TrustedKey> keys, string source)
        {
            var (requires, named) = rule.ValueKind switch
            {
                JsonValueKind.Array => (Strings(rule, stage, source), null),
                JsonValueKind.Object when rule.TryGetProperty("require", out var require) =>
                    (Strings(require, stage, source), rule.TryGetProperty("keys", out var only) ? Strings(only, stage, source) : null),
                _ => throw Errors.TrustFileInvalid(source, $"stage '{stage}' must be a list of requirements or {{\"require\": [...], \"keys\": [...]}}"),
            };
            if (requires.FirstOrDefault(r => r is not (Registration or Promotion)) is { } unknown)
            {
                throw Errors.TrustFileInvalid(source, $"stage '{stage}' requires '{unknown}'; a stage requires \"{Registration}\", \"{Promotion}\" or both");
            }

            HashSet<string>? ids = null;
            if (named is not null)
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var name in named)
                {
                    var key = keys.FirstOrDefault(k => k.Name == name || k.KeyId == name)
                        ?? throw Errors.TrustFileInvalid(source, $"stage '{stage}' trusts key '{name}', which \"keys\" does not name");
                    ids.Add(key.KeyId);
                }
            }

            return new StageRule([.. requires.Distinct(StringComparer.Ordinal)], ids);
        }

        private static List<string> Strings(JsonElement array, string stage, string source) =>
            array.ValueKind == JsonValueKind.Array && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                ? [.. array.EnumerateArray().Select(e => e.GetString()!)]
                : throw Errors.TrustFileInvalid(source, $"stage '{stage}' holds something other than a list of strings");
    }}
