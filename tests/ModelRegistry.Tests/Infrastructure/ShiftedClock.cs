namespace ModelRegistry.Tests.Infrastructure;

/// <summary>A clock running ahead of the real one: what gc sees when files have aged, on backends (Azure) whose
/// modification times a test cannot set.</summary>
public sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
{
    public static ShiftedClock DaysAhead(int days) => new(TimeSpan.FromDays(days));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
}
