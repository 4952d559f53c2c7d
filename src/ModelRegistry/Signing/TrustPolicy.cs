using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelRegistry.Signing;

/// <summary>
/// A consumer's trust policy (docs/signing.md): the keys it trusts, each with an optional retirement time, and per stage
/// what a version in that stage must carry: <c>registration</c> (a trusted signature over exactly its files) and
/// <c>promotion</c> (a trusted signature over the revision that moved it into the stage). <c>*</c> covers every stage
/// not named; a version in a stage the policy does not cover is refused.
/// </summary>
public sealed class TrustPolicy : IDisposable
{
    public const string Registration = "registration";

    public const string Promotion = "promotion";

    public const string AnyStage = "*";

    private readonly Dictionary<string, IReadOnlyList<string>> stages;

    private TrustPolicy(string source, IReadOnlyList<TrustedKey> keys, Dictionary<string, IReadOnlyList<string>> stages)
    {
        Source = source;
        Keys = keys;
        this.stages = stages;
    }

    /// <summary>Where the policy came from, for messages.</summary>
    public string Source { get; }

    public IReadOnlyList<TrustedKey> Keys { get; }

    public static TrustPolicy Load(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.TrustFileInvalid(path, e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file could not be read");
        }

        return Parse(text, path, Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses a policy; public key paths are relative to <paramref name="baseFolder"/>.</summary>
    public static TrustPolicy Parse(string json, string source, string baseFolder)
    {
        TrustFile file;
        try
        {
            file = JsonSerializer.Deserialize<TrustFile>(json, Manifest.RegistryJson.Options) ?? throw Errors.TrustFileInvalid(source, "it is empty");
        }
        catch (JsonException e)
        {
            throw Errors.TrustFileInvalid(source, $"it is not valid JSON ({e.Message})");
        }

        if (file.Keys is not { Count: > 0 })
        {
            throw Errors.TrustFileInvalid(source, "it names no keys");
        }

        var stages = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (stage, requires) in file.Stages ?? [])
        {
            if (requires.FirstOrDefault(r => r is not (Registration or Promotion)) is { } unknown)
            {
                throw Errors.TrustFileInvalid(source, $"stage '{stage}' requires '{unknown}'; a stage requires \"{Registration}\", \"{Promotion}\" or both");
            }

            stages[stage] = [.. requires.Distinct(StringComparer.Ordinal)];
        }

        if (stages.Count == 0)
        {
            throw Errors.TrustFileInvalid(source, "it names no stages: add \"stages\": {\"Production\": [\"registration\", \"promotion\"]}");
        }

        var keys = new List<TrustedKey>();
        try
        {
            foreach (var entry in file.Keys)
            {
                keys.Add(TrustedKey.From(entry, source, baseFolder));
            }
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }

        return new TrustPolicy(source, keys, stages);
    }

    /// <summary>What a version in <paramref name="stage"/> must carry; refused when the policy does not cover the stage.</summary>
    public IReadOnlyList<string> Requirements(string stage) =>
        stages.TryGetValue(stage, out var requires) || stages.TryGetValue(AnyStage, out requires)
            ? requires
            : throw Errors.StageNotCovered(stage, Source);

    /// <summary>The trusted key with this id, or null.</summary>
    public TrustedKey? Find(string keyId) => Keys.FirstOrDefault(k => k.KeyId == keyId);

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }
    }

    /// <summary>The file as written.</summary>
    internal sealed record TrustFile(IReadOnlyList<TrustFileKey>? Keys, Dictionary<string, IReadOnlyList<string>>? Stages);

    /// <summary>One key as written: a public key file and/or an id, an optional name and retirement time.</summary>
    internal sealed record TrustFileKey(string? Id, [property: JsonPropertyName("publicKey")] string? PublicKey, string? Name, DateTimeOffset? NotAfter);
}
