using System.Text;
using System.Text.Json.Nodes;
using ModelRegistry.Content;
using ModelRegistry.Schemas;

namespace ModelRegistry.Recipes;

/// <summary>
/// The identity of a registration: two registrations with the same identity are the same version. It covers the
/// artifact files (path and digest), the code (commit and the digest of uncommitted changes), every data input
/// by content (<see cref="DataIdentity"/>), every config file digest, the training command, the dependency lock
/// file digests, the container image and the environment variables the user asked to record. It leaves out what
/// varies between identical runs or only says where things were: time, CI run, repository URL, branch, tag,
/// project path, the paths of data and config files, OS and runtime versions, metrics, labels, tags and
/// descriptions. The model's schema counts when it has one (a declared schema is not in the files). docs/lineage.md documents the same list; changing it changes every identity, so it is versioned
/// by its shape only through additions that are absent when empty.
/// </summary>
public static class RecipeIdentity
{
    public static string Compute(IEnumerable<ArtifactFile> files, Recipe recipe, ModelSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var identity = new JsonObject
        {
            ["files"] = new JsonArray([.. files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (JsonNode)new JsonArray(f.Path, f.Digest))]),
            ["commit"] = recipe.Code?.Commit,
            ["dirty"] = recipe.Code?.DirtyDigest,
            ["data"] = Sorted(recipe.Data.Select(DataIdentity)),
            ["config"] = Sorted(recipe.Config.Select(c => c.Digest)),
            ["command"] = recipe.Command,
            ["locks"] = Sorted((recipe.Environment?.LockFiles ?? []).Select(l => l.Digest)),
            ["image"] = recipe.Environment?.ContainerImage,
        };

        // Added only when present, so recipes without recorded variables keep the identity they always had.
        if (recipe.Environment?.Variables is { Count: > 0 } variables)
        {
            identity["variables"] = Sorted(variables.Select(v => $"{v.Key}={v.Value}"));
        }

        // Also only when present: versions without a schema keep their identity.
        if (schema is not null)
        {
            identity["schema"] = System.Text.Json.JsonSerializer.SerializeToNode(schema, ContractJson.Options.GetTypeInfo(typeof(ModelSchema)));
        }

        return Sha256Digest.Of(Encoding.UTF8.GetBytes(identity.ToJsonString()));
    }

    /// <summary>What identifies one data input: its content digest wherever it lives (a moved folder is the same
    /// data); for a blob without one, its Content-MD5; otherwise its source and ETag (a blob rewritten in place
    /// gets a new ETag); a plain URI only by what it says.</summary>
    public static string DataIdentity(DataInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Digest ?? input.ContentMd5 ?? $"{input.Source}#{input.ETag}";
    }

    private static JsonArray Sorted(IEnumerable<string> values) =>
        new([.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode?)v)]);
}
