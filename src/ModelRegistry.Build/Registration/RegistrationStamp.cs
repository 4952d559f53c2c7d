using System.Text.Json;

namespace ModelRegistry.Build.Registration;

/// <summary>
/// obj/modelregistry/registered.json: written when every model of a project registered (or was unchanged), and the
/// Outputs of the registration target, so an unchanged model and recipe skip the target and its process entirely.
/// It also remembers the versions, so a skipped registration still sets ModelRegistryVersion and RegisteredModel.
/// </summary>
internal static class RegistrationStamp
{
    public static void Write(string path, IEnumerable<RegisteredVersion> versions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = JsonSerializer.Serialize(versions.Select(v => new { model = v.Model, version = v.Version, digest = v.Digest }));
        File.WriteAllText(path, json + "\n");
    }

    /// <summary>The versions in a stamp; empty when there is none or it cannot be read (it is only a cache).</summary>
    public static IReadOnlyList<RegisteredVersion> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return [.. document.RootElement.EnumerateArray().Select(e => new RegisteredVersion(
                e.GetProperty("model").GetString()!, e.GetProperty("version").GetInt32(), e.GetProperty("digest").GetString()!))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }
}
