using System.Text;
using System.Text.Json;

namespace ModelRegistry.Runtime;

/// <summary>
/// The trust policy file as written (docs/signing.md): <c>keys</c>, each a public key file and/or an id with an optional
/// name and retirement time, and <c>stages</c>, each a list of requirements or <c>{"require": [...], "keys": [...]}</c>.
/// The engine loads it into a trust policy and judges what it says; the MSBuild node writes one from a project's items
/// (<see cref="Write"/>); its fingerprint covers the key files it names (<see cref="KeyFiles"/>).
/// </summary>
public sealed record TrustPolicyFile(IReadOnlyList<TrustPolicyKey?>? Keys, IReadOnlyDictionary<string, JsonElement>? Stages)
{
    /// <summary>The public key files the policy names, relative to it, in order.</summary>
    public IEnumerable<string> KeyFiles => (Keys ?? []).Select(k => k?.PublicKey).OfType<string>();

    /// <summary>Reads a policy's text; null when it is <c>null</c>. Throws <see cref="JsonException"/> when it is not a
    /// policy's shape; what its values mean is for the engine to judge.</summary>
    public static TrustPolicyFile? Read(ReadOnlySpan<byte> json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TrustPolicyFile>(json, options);

    /// <summary>
    /// A policy's text, the same bytes for the same keys and stages on every machine: keys ordered by path, stages by
    /// name, each stage as <c>{"require": [...], "keys": [...]}</c>, LF line ends.
    /// </summary>
    public static string Write(IEnumerable<TrustPolicyKey> keys, IReadOnlyDictionary<string, TrustPolicyStage> stages)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(stages);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys.OrderBy(k => k.PublicKey, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                WriteIfGiven(writer, "id", key.Id);
                WriteIfGiven(writer, "name", key.Name);
                WriteIfGiven(writer, "publicKey", key.PublicKey);
                if (key.NotAfter is { } notAfter)
                {
                    writer.WriteString("notAfter", notAfter.ToUniversalTime());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("stages");
            foreach (var (stage, rule) in stages.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
            {
                writer.WriteStartObject(stage);
                WriteStrings(writer, "require", rule.Require);
                if (rule.Keys is not null)
                {
                    WriteStrings(writer, "keys", rule.Keys);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteIfGiven(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

/// <summary>One key of a policy file: a public key file (relative to the policy) and/or an id (the SHA-256 of the key),
/// an optional name for messages and stage rules, and an optional retirement time.</summary>
public sealed record TrustPolicyKey(string? Id, string? PublicKey, string? Name, DateTimeOffset? NotAfter);

/// <summary>What one stage of a policy file requires, and the names or ids of the only keys it trusts (null: every key).</summary>
public sealed record TrustPolicyStage(IReadOnlyList<string> Require, IReadOnlyList<string>? Keys);
