using System.Text.Json.Nodes;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>What the fake answers: a status, a JSON body (or none) and headers.</summary>
public sealed record FakeResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null, string? RawBody = null, string ContentType = "application/json; charset=utf-8")
{
    public static FakeResponse Json(int status, JsonNode? body) => new(status, body);

    public static FakeResponse NoContent() => new(204, null);

    public static FakeResponse Error(int status, string message, string docsUrl = "https://docs.github.com/rest", JsonArray? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["documentation_url"] = docsUrl, ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new FakeResponse(status, body);
    }
}
