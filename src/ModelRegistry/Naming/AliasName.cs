using System.Text.RegularExpressions;

namespace ModelRegistry.Naming;

/// <summary>A movable name beside stages (champion, canary). It must not read as anything else a reference can
/// name: a stage, a number, a label or a digest.</summary>
public static partial class AliasName
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string Validate(string alias, IEnumerable<string> stages)
    {
        if (!Pattern().IsMatch(alias)
            || alias.Equals("latest", StringComparison.OrdinalIgnoreCase)
            || stages.Any(s => s.Equals(alias, StringComparison.OrdinalIgnoreCase))
            || alias.StartsWith("sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw Errors.InvalidAlias(alias);
        }

        return alias;
    }
}
