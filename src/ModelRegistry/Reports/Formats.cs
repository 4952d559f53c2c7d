using System.Globalization;

namespace ModelRegistry.Reports;

/// <summary>How the report spells numbers and times: invariant culture, round-trip metric values, UTC times.</summary>
internal static class Formats
{
    /// <summary>A metric value exactly as stored (round-trip "R"), as the data hooks hold it.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate: two decimals at most, so the drawing is the same on every machine.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A short axis label.</summary>
    public static string Axis(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    /// <summary>The first characters of a digest (<c>sha256:0123456789ab</c>), the full one in a title.</summary>
    public static string ShortDigest(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;
}
