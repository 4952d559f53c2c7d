using System.Globalization;

namespace ModelRegistry.Naming;

/// <summary>Durations as people type them on a command line: a number and a unit, <c>24h</c>, <c>90m</c>, <c>365d</c>.</summary>
public static class Durations
{
    /// <summary>Durations beyond a century only overflow the times they are subtracted from; nothing is that old.</summary>
    private const double MaxDays = 36500;

    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount))
        {
            var days = text[^1] switch
            {
                'd' => amount,
                'h' => amount / 24,
                'm' => amount / (24 * 60),
                's' => amount / (24 * 60 * 60),
                _ => double.NaN,
            };
            if (days <= MaxDays)
            {
                return TimeSpan.FromDays(days);
            }
        }

        throw ContractErrors.InvalidDuration(text);
    }

    /// <summary>The shortest exact form Parse reads back: 365d, 36h, 90m, 45s.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.Ticks / TimeSpan.TicksPerDay}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{duration.Ticks / TimeSpan.TicksPerHour}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{duration.Ticks / TimeSpan.TicksPerMinute}m"
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds}s");
}
