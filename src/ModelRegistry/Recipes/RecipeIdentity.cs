using System.Text;
using System.Text.Json.Nodes;
using ModelRegistry.Content;

namespace ModelRegistry.Recipes;

/// <summary>
/// The identity of a registration: two registrations with the same identity are the same version. It covers the
/// artifact files (path and digest), the code (commit and the digest of uncommitted changes), every data input
/// (digest, or source and ETag when no digest is known), every config file digest, the training command, the
/// dependency lock files and the container image. It leaves out what varies between identical runs: time, CI run,
/// OS and runtime patch versions, metrics and descriptions. docs/lineage.md documents the same list.
/// </summary>
public static class RecipeIdentity
{
    public static string Compute(IEnumerable<ArtifactFile> files, Recipe recipe)
    {
        var identity = new JsonObject
        {
            ["files"] = new JsonArray([.. files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (JsonNode)new JsonArray(f.Path, f.Digest))]),
            ["commit"] = recipe.Code?.Commit,
            ["dirty"] = recipe.Code?.DirtyDigest,
            ["data"] = Sorted(recipe.Data.Select(d => d.Digest ?? $"{d.Source}#{d.ETag}")),
            ["config"] = Sorted(recipe.Config.Select(c => c.Digest)),
            ["command"] = recipe.Command,
            ["locks"] = Sorted((recipe.Environment?.LockFiles ?? []).Select(l => l.Digest)),
            ["image"] = recipe.Environment?.ContainerImage,
        };
        return Sha256Digest.Of(Encoding.UTF8.GetBytes(identity.ToJsonString()));
    }

    private static JsonArray Sorted(IEnumerable<string> values) =>
        new([.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode?)v)]);
}
