using Azure.Core.Pipeline;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// How the Azure backend talks to the service. The defaults fit a CI runner; tests and benchmarks change them to
/// force block uploads, add recording or fault-injecting pipeline policies, or shorten retries.
/// </summary>
public sealed record AzureStorageOptions
{
    /// <summary>Size of one staged block. 8 MiB keeps a 1 GiB artifact at 128 blocks, far below the 50,000 limit.</summary>
    public int BlockSize { get; init; } = 8 << 20;

    /// <summary>Blocks staged at once. Memory held by one upload is at most this many blocks.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Objects up to this size go up in one Put Blob; larger ones are staged in blocks.</summary>
    public int SingleUploadLimit { get; init; } = 8 << 20;

    /// <summary>Retries the SDK makes for timeouts, 408, 429 and 5xx answers before the backend judges the outcome.</summary>
    public int MaxRetries { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one try of one request.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Policies run on every try of every request (after the retry policy), for tests and diagnostics.</summary>
    public IReadOnlyList<HttpPipelinePolicy> PerTryPolicies { get; init; } = [];
}
