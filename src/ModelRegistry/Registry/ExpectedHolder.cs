using System.Globalization;

namespace ModelRegistry;

/// <summary>
/// What the caller believes holds a stage before its change (<c>--expect-current 3</c> or <c>none</c>): the change
/// commits only if that is still true, so an approval given for one displacement is never spent on another.
/// </summary>
public sealed record ExpectedHolder(int? Version)
{
    public static ExpectedHolder None { get; } = new((int?)null);

    /// <summary>Parses <c>none</c> or a version number.</summary>
    public static ExpectedHolder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? new ExpectedHolder(version)
            : throw Errors.InvalidExpectedHolder(text);
    }

    public override string ToString() => Describe(Version);

    internal static string Describe(int? version) => version is { } v ? $"version {v.ToString(CultureInfo.InvariantCulture)}" : "no version";
}
