using System.Globalization;

namespace ModelRegistry.Manifest;

/// <summary>A point in a model's history: a revision number or a time (the last revision committed at or before it).</summary>
public sealed record AsOf(long? Revision, DateTimeOffset? Time)
{
    public static AsOf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision >= 0)
        {
            return new AsOf(revision, null);
        }

        // Only ISO 8601 (yyyy-MM-dd...): the lenient parser would read "1.5" as the 5th of January.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return new AsOf(null, time);
        }

        throw Errors.InvalidAsOf(text);
    }

    public bool Includes(LogEntry entry) =>
        Revision is { } revision ? entry.Revision <= revision : entry.Time <= Time!.Value;

    public override string ToString() =>
        Revision?.ToString(CultureInfo.InvariantCulture) ?? Time!.Value.ToString("O", CultureInfo.InvariantCulture);
}
