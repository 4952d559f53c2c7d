namespace ModelRegistry.Tests.Infrastructure;

/// <summary>A clock stopped at one instant: gc run with it sees as old exactly what was written before
/// <c>now - grace</c>, whatever it races meanwhile.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
