using System.Globalization;
using System.Text.Json;
using ModelRegistry.Content;

namespace ModelRegistry.Build.Cli;

/// <summary>The parts of the tool's version document (<c>register</c>, <c>resolve</c>, <c>pull</c> with --json) a build uses.</summary>
internal sealed record VersionDocument(string Model, int Version, string Digest, IReadOnlyList<ArtifactFile> Files, bool IsNew)
{
    /// <summary>Reads the document; <paramref name="command"/> names the command in the error when it is unreadable.</summary>
    public static VersionDocument Parse(string json, string command)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var files = root.GetProperty("files").EnumerateArray()
                .Select(f => new ArtifactFile(f.GetProperty("path").GetString()!, f.GetProperty("size").GetInt64(), f.GetProperty("digest").GetString()!))
                .ToList();
            return new VersionDocument(
                root.GetProperty("model").GetString()!,
                root.GetProperty("version").GetInt32(),
                root.GetProperty("digest").GetString()!,
                files,
                root.TryGetProperty("isNew", out var isNew) && isNew.ValueKind == JsonValueKind.True);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw BuildErrors.CliOutputUnreadable(command, e.Message);
        }
    }

    public string VersionText => Version.ToString(CultureInfo.InvariantCulture);
}
