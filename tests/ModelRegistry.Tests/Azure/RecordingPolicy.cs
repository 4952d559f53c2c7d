using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ModelRegistry.Tests.Azure;

/// <summary>One request as it left the client and the answer it got.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Comp, string? IfNoneMatch, string? IfMatch, int Status, long? ResponseLength, string FullUri);

/// <summary>
/// Records every try of every request on the wire (it sits after the retry policy), so tests can see which headers
/// reached which request, how many requests an operation cost and how many answers carried a body. Also tracks how
/// many block stages were in flight at once.
/// </summary>
public sealed class RecordingPolicy : HttpPipelinePolicy
{
    private int stagesInFlight;
    private int maxStagesInFlight;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int MaxStagesInFlight => Volatile.Read(ref maxStagesInFlight);

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. Requests];

    public void Clear() => Requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        var isStage = comp == "block";
        if (isStage)
        {
            var now = Interlocked.Increment(ref stagesInFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref maxStagesInFlight)) && Interlocked.CompareExchange(ref maxStagesInFlight, now, seen) != seen)
            {
            }
        }

        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            if (isStage)
            {
                Interlocked.Decrement(ref stagesInFlight);
            }
        }

        message.Request.Headers.TryGetValue("If-None-Match", out var ifNoneMatch);
        message.Request.Headers.TryGetValue("If-Match", out var ifMatch);
        Requests.Enqueue(new RecordedRequest(
            message.Request.Method.ToString(),
            Uri.UnescapeDataString(uri.AbsolutePath),
            comp,
            ifNoneMatch,
            ifMatch,
            message.Response.Status,
            message.Response.Headers.ContentLength,
            uri.ToString()));
    }
}
