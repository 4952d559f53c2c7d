using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests.Support;

public static class Warnings
{
    /// <summary>The recipe's warnings with one code (tests run outside a repository also get MRB1551).</summary>
    public static IReadOnlyList<string> Coded(this Recipe recipe, string code) =>
        [.. recipe.Warnings.Where(w => w.StartsWith(code + ":", StringComparison.Ordinal))];

    /// <summary>Warnings other than the one every capture outside a repository carries.</summary>
    public static IReadOnlyList<string> Besides551(this Recipe recipe) =>
        [.. recipe.Warnings.Where(w => !w.StartsWith("MRB1551:", StringComparison.Ordinal))];
}
