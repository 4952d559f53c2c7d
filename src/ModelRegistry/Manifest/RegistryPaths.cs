using System.Globalization;
using ModelRegistry.Content;

namespace ModelRegistry.Manifest;

/// <summary>Where every object of the registry lives; docs/storage-format.md draws the same tree.</summary>
public static class RegistryPaths
{
    public const string Settings = "registry.json";

    public const string Blobs = "blobs/sha256/";

    public const string ModelIndex = "index/models/";

    public static string Blob(string digest)
    {
        var hex = Sha256Digest.Hex(digest);
        return $"{Blobs}{hex[..2]}/{hex}";
    }

    public static string ModelEntry(string key) => $"{ModelIndex}{key}.json";

    public static string Model(string key) => $"models/{key}/";

    public static string Log(string key, long revision) => $"models/{key}/log/{revision.ToString("D20", CultureInfo.InvariantCulture)}.json";

    public static string LogFolder(string key) => $"models/{key}/log/";

    public static string State(string key) => $"models/{key}/state.json";

    public static string Record(string key, string digest) => $"models/{key}/records/{Sha256Digest.Hex(digest)}.json";

    public static string RecordFolder(string key) => $"models/{key}/records/";

    public static string VersionIndex(string key, int version) => $"models/{key}/versions/{version.ToString("D10", CultureInfo.InvariantCulture)}.json";

    public static string VersionFolder(string key) => $"models/{key}/versions/";

    public static string RecipeIndex(string key, string recipeDigest) => $"models/{key}/recipes/{Sha256Digest.Hex(recipeDigest)}.json";

    public static string LabelIndex(string key, string label) => $"models/{key}/labels/{label.ToLowerInvariant()}.json";
}
