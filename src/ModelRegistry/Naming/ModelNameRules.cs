namespace ModelRegistry.Naming;

/// <summary>The registry's rules for a model name beyond its syntax (<see cref="ModelName"/>), checked when a model is
/// first stored.</summary>
internal static class ModelNameRules
{
    /// <summary>
    /// Checks a name for a model about to be created in <paramref name="existing"/>'s place: registries are shared
    /// between Linux CI and Windows laptops, so a name Windows reserves (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, with or
    /// without an extension) is refused (MRB1030), and so is a name that differs only by case from the model already
    /// stored under the same key (MRB1031): one model, one spelling.
    /// </summary>
    public static void EnsureCreatable(string name, string? existing)
    {
        ModelName.Validate(name);
        if (existing is not null)
        {
            if (!string.Equals(existing, name, StringComparison.Ordinal))
            {
                throw Errors.ModelNameCaseDiffers(name, existing);
            }

            return;
        }

        var stem = name.Split('.')[0].ToUpperInvariant();
        if (stem is "CON" or "PRN" or "AUX" or "NUL" || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && stem[3] is >= '0' and <= '9'))
        {
            throw Errors.ModelNameReservedOnWindows(name);
        }
    }
}
