using System.Text.RegularExpressions;

namespace ModelRegistry.Naming;

/// <summary>A model name: case-preserving, unique ignoring case, and safe as a path on disk and in blob storage.</summary>
public static partial class ModelName
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) =>
        name is not null && Pattern().IsMatch(name) && !name.EndsWith('.');

    public static string Validate(string? name) =>
        IsValid(name) ? name! : throw ContractErrors.InvalidModelName(name ?? "");

    /// <summary>The storage key of a model: names are unique ignoring case, so the key is lower-case.</summary>
    public static string Key(string name) => Validate(name).ToLowerInvariant();
}
