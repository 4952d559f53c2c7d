using System.Diagnostics;

namespace ModelRegistry.Benchmarks;

/// <summary>Median of repeated runs after a warm-up: robust against the odd slow run on a busy machine.</summary>
internal static class Measure
{
    public static async Task<double> MedianMsAsync(int runs, Func<Task> action)
    {
        await action();
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        return timings[timings.Count / 2];
    }
}
