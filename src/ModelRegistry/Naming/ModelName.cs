using System.Text.RegularExpressions;
using ModelRegistry.Errors;

namespace ModelRegistry.Naming;

/// <summary>A model name: case-preserving, unique ignoring case, and safe as a path on disk and in blob storage.</summary>
public static partial class ModelName
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) =>
        name is not null && Pattern().IsMatch(name) && !name.EndsWith('.');

    public static string Validate(string? name) =>
        IsValid(name) ? name! : throw Errors.Errors.InvalidModelName(name ?? "");

    /// <summary>
    /// Checks a name for a model about to be created in <paramref name="existing"/>'s place: registries are shared
    /// between Linux CI and Windows laptops, so a name Windows reserves (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, with or
    /// without an extension) is refused (MRB1030), and so is a name that differs only by case from the model already
    /// stored under the same key (MRB1031): one model, one spelling.
    /// </summary>
    public static void EnsureCreatable(string name, string? existing)
    {
        Validate(name);
        if (existing is not null)
        {
            if (!string.Equals(existing, name, StringComparison.Ordinal))
            {
                throw Errors.Errors.ModelNameCaseDiffers(name, existing);
            }

            return;
        }

        var stem = name.Split('.')[0].ToUpperInvariant();
        if (stem is "CON" or "PRN" or "AUX" or "NUL" || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && stem[3] is >= '0' and <= '9'))
        {
            throw Errors.Errors.ModelNameReservedOnWindows(name);
        }
    }

    /// <summary>The storage key of a model: names are unique ignoring case, so the key is lower-case.</summary>
    public static string Key(string name) => Validate(name).ToLowerInvariant();
}
