using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelRegistry.Signing;

/// <summary>
/// An in-toto Statement v1 as signed: one subject (a name and a sha256 digest), a predicate type and a predicate.
/// Parsed from the very payload bytes a signature was verified over.
/// </summary>
public sealed record InTotoStatement(string SubjectName, string SubjectSha256, string PredicateType, JsonObject Predicate)
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    public byte[] ToJson()
    {
        var statement = new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray(new JsonObject { ["name"] = SubjectName, ["digest"] = new JsonObject { ["sha256"] = SubjectSha256 } }),
            ["predicateType"] = PredicateType,
            ["predicate"] = Predicate.DeepClone(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(statement);
    }

    /// <summary>The statement in a payload, or null when the payload is not a one-subject in-toto Statement v1.</summary>
    public static InTotoStatement? Parse(byte[] payload)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject root
                && root["_type"]?.GetValue<string>() == StatementType
                && root["subject"] is JsonArray { Count: 1 } subjects && subjects[0] is JsonObject subject
                && subject["name"]?.GetValue<string>() is { } name
                && subject["digest"]?["sha256"]?.GetValue<string>() is { } digest
                && root["predicateType"]?.GetValue<string>() is { } type
                && root["predicate"] is JsonObject predicate
                ? new InTotoStatement(name, digest, type, (JsonObject)predicate.DeepClone())
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A time the signer wrote (ISO 8601), or null when absent or unreadable.</summary>
    internal static DateTimeOffset? Time(JsonNode? node)
    {
        try
        {
            return node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    internal static string TimeText(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
