namespace ModelRegistry.GitHub.Api;

/// <summary>
/// How long and how often to retry what GitHub refused for a while (rate limits, 5xx). Delays are injectable so tests
/// run the same code without waiting. A wait longer than <see cref="MaxDelay"/> is not waited for: a build job that
/// sleeps for an hour until a rate limit resets is worse than an error that says when to retry.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff for a 5xx; each further attempt doubles it (1 s, 2 s, 4 s).</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait; GitHub's own guidance for secondary limits is "at least a minute".</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
