using System.Text.RegularExpressions;

namespace ModelRegistry.Naming;

/// <summary>An optional semantic-version label of a model version (SemVer 2.0 syntax, unique per model).</summary>
public static partial class SemanticVersionLabel
{
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? label) => label is { Length: <= 128 } && Pattern().IsMatch(label);

    public static string Validate(string label) => IsValid(label) ? label : throw ContractErrors.InvalidLabel(label);

    /// <summary>Labels are unique per model ignoring case and build metadata order is kept as written.</summary>
    public static string Key(string label) => label.ToLowerInvariant();
}
