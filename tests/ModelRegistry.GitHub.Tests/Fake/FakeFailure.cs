using System.Globalization;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>
/// A failure injected into the next calls of one operation: what GitHub sends when a rate limit or an outage hits.
/// <see cref="AfterApplying"/> makes the fake do the work and then fail, as a gateway that drops the answer does.
/// </summary>
public sealed record FakeFailure(Func<FakeResponse> Respond, bool AfterApplying = false)
{
    /// <summary>A primary rate limit: 403, x-ratelimit-remaining 0 and the reset time in epoch seconds.</summary>
    public static FakeFailure RateLimit(int resetInSeconds) => new(() => new FakeResponse(403,
        FakeResponse.Error(403, "API rate limit exceeded for user ID 1.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api").Body,
        new Dictionary<string, string>
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-used"] = "5000",
            ["x-ratelimit-resource"] = "core",
            ["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddSeconds(resetInSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        }));

    /// <summary>A rate limit whose message says nothing about rate limits (a proxy's or an installation's own wording):
    /// only the headers GitHub documents as the signal tell it from a missing permission.</summary>
    public static FakeFailure RateLimitWithOtherMessage(int status, bool exhausted, int? retryAfterSeconds) => new(() => new FakeResponse(status,
        FakeResponse.Error(status, "Resource not accessible by integration", "https://docs.github.com/rest").Body,
        new Dictionary<string, string>(
            (exhausted ? new[] { KeyValuePair.Create("x-ratelimit-remaining", "0"), KeyValuePair.Create("x-ratelimit-reset", DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)) } : [])
            .Concat(retryAfterSeconds is { } after ? [KeyValuePair.Create("retry-after", after.ToString(CultureInfo.InvariantCulture))] : []))));

    /// <summary>A secondary rate limit: 403 with Retry-After.</summary>
    public static FakeFailure SecondaryRateLimit(int retryAfterSeconds) => new(() => new FakeResponse(403,
        FakeResponse.Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.").Body,
        new Dictionary<string, string> { ["retry-after"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) }));

    public static FakeFailure TooManyRequests(int retryAfterSeconds) => new(() => new FakeResponse(429,
        FakeResponse.Error(429, "Too Many Requests").Body,
        new Dictionary<string, string> { ["retry-after"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) }));

    public static FakeFailure BadGateway(bool afterApplying = false) => new(() =>
        new FakeResponse(502, null, null, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"), afterApplying);

    public static FakeFailure Status(int status, string message) => new(() => FakeResponse.Error(status, message));
}
