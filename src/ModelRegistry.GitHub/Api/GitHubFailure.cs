using System.Globalization;
using System.Net;
using Octokit;

namespace ModelRegistry.GitHub.Api;

/// <summary>
/// Reads a failed call: is it a rate limit (403 or 429 with Retry-After or x-ratelimit-* headers), a passing outage
/// (5xx, a dropped connection) or a final refusal, and how long GitHub asked us to wait.
/// </summary>
internal sealed record GitHubFailure(FailureKind Kind, int Status, TimeSpan? RequestedWait, DateTimeOffset? ResetAt, string Detail)
{
    public static GitHubFailure Classify(Exception exception, DateTimeOffset now)
    {
        if (exception is not ApiException api)
        {
            return new GitHubFailure(exception is HttpRequestException or TimeoutException or TaskCanceledException ? FailureKind.Transient : FailureKind.Final, 0, null, null, exception.Message);
        }

        var status = (int)api.StatusCode;
        var headers = api.HttpResponse?.Headers;
        var retryAfter = RetryAfter(Header(headers, "Retry-After"), now);
        var reset = long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : (DateTimeOffset?)null;
        var exhausted = Header(headers, "x-ratelimit-remaining") == "0";
        var detail = DetailOf(api);

        // GitHub signals both primary and secondary limits with 403 or 429; only the headers or the message tell them
        // from a 403 that means "this token may not".
        var rateLimited = status == 429
            || (status == 403 && (retryAfter is not null || exhausted || api is RateLimitExceededException or SecondaryRateLimitExceededException
                                  || detail.Contains("rate limit", StringComparison.OrdinalIgnoreCase)));
        if (rateLimited)
        {
            var wait = retryAfter ?? (reset is { } at ? Max(at - now, TimeSpan.Zero) + TimeSpan.FromSeconds(1) : null);
            return new GitHubFailure(FailureKind.RateLimited, status, wait, reset ?? (retryAfter is { } r ? now + r : null), detail);
        }

        if (status >= 500 || api.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return new GitHubFailure(FailureKind.Transient, status, retryAfter, null, detail);
        }

        return new GitHubFailure(FailureKind.Final, status, null, null, detail);
    }

    /// <summary>The API's message and the field errors a 422 lists, the way the API wrote them.</summary>
    private static string DetailOf(ApiException api)
    {
        var message = api.ApiError?.Message ?? api.Message;
        var errors = api.ApiError?.Errors?
            .Select(e => string.Join(" ", new[] { e.Resource, e.Field, e.Code, e.Message }.Where(s => !string.IsNullOrEmpty(s))))
            .Where(s => s.Length > 0)
            .ToList() ?? [];
        var contexts = Contexts(api.HttpResponse?.Body as string);
        if (contexts.Length > 0)
        {
            errors.Add(contexts);
        }

        return errors.Count == 0 ? message : $"{message}: {string.Join("; ", errors)}";
    }

    /// <summary>A 409 from required status contexts lists each context and its state, which Octokit's error model
    /// drops; they are what the user has to fix.</summary>
    private static string Contexts(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.Contains("\"contexts\"", StringComparison.Ordinal))
        {
            return "";
        }

        try
        {
            var pairs = System.Text.Json.Nodes.JsonNode.Parse(body)?["errors"]?.AsArray()
                .SelectMany(e => e?["contexts"]?.AsArray() ?? [])
                .Select(c => $"{c?["context"]?.GetValue<string>()}={c?["state"]?.GetValue<string>()}")
                .ToList() ?? [];
            return pairs.Count == 0 ? "" : "contexts " + string.Join(", ", pairs);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    private static string? Header(IReadOnlyDictionary<string, string>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    private static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? Max(date - now, TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
