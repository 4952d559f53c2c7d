using Azure.Core;
using Azure.Core.Pipeline;

namespace ModelRegistry.Tests.Azure;

/// <summary>
/// Makes the wire unreliable on purpose, per try of each request (it sits after the SDK's retry policy):
/// <list type="bullet">
/// <item>a timeout after the service applied a write: the request reaches Azurite, then the client sees the
/// connection time out instead of the answer;</item>
/// <item>a 503 Server Busy instead of sending, or a 500 after the service applied the request.</item>
/// </list>
/// Seeded, so a run is reproducible up to thread interleaving; counts what it injected.
/// </summary>
public sealed class FaultInjectionPolicy(double timeoutAfterWriteRate, double serverErrorRate, int seed) : HttpPipelinePolicy
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();
    private int timeoutsAfterWrite;
    private int serverErrors;
    private int requests;

    /// <summary>False stops injecting, for the checks after the storm.</summary>
    public bool Enabled { get; set; } = true;

    public int TimeoutsAfterWrite => Volatile.Read(ref timeoutsAfterWrite);

    public int ServerErrors => Volatile.Read(ref serverErrors);

    public int Requests => Volatile.Read(ref requests);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref requests);
        double roll;
        bool before;
        lock (gate)
        {
            roll = Enabled ? random.NextDouble() : 1;
            before = random.Next(2) == 0;
        }

        var isWrite = message.Request.Method == RequestMethod.Put || message.Request.Method == RequestMethod.Delete;
        if (isWrite && roll < timeoutAfterWriteRate)
        {
            await ProcessNextAsync(message, pipeline);
            Interlocked.Increment(ref timeoutsAfterWrite);
            throw new TaskCanceledException("Injected: the request timed out after the service received it.", new TimeoutException());
        }

        if (roll >= timeoutAfterWriteRate && roll < timeoutAfterWriteRate + serverErrorRate)
        {
            Interlocked.Increment(ref serverErrors);
            if (before)
            {
                message.Response = new InjectedResponse(503, "Server Busy", message.Request.ClientRequestId);
                return;
            }

            await ProcessNextAsync(message, pipeline);
            message.Response.Dispose();
            message.Response = new InjectedResponse(500, "Operation could not be completed within the specified time.", message.Request.ClientRequestId);
            return;
        }

        await ProcessNextAsync(message, pipeline);
    }
}
