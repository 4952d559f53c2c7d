using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Content;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Config;

/// <summary>Records a configuration file by digest, and inlines a small one so that <c>lineage</c> and <c>diff</c>
/// show the settings themselves: JSON as JSON, YAML as text (it is not parsed, so nothing is lost or reordered), with
/// their secrets masked (see <see cref="ConfigRedaction"/>).</summary>
internal static class ConfigCapture
{
    /// <summary>Larger files are recorded by digest only, so version records stay small.</summary>
    public const int InlineLimit = 64 * 1024;

    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    public static async Task<(ConfigInput Input, string? Warning)> CaptureAsync(string declared, string projectDirectory, PathDisplay display, CancellationToken cancellationToken)
    {
        var full = LocalDataInput.FullPath(declared, projectDirectory);
        var shown = display.Show(full);
        if (Directory.Exists(full) || !File.Exists(full))
        {
            throw LineageErrors.ConfigFileNotFound(shown);
        }

        if (FileKinds.Of(new FileInfo(full)) == FileKind.Special)
        {
            throw LineageErrors.ConfigFileUnreadable(shown, FileKinds.Describe(full));
        }

        byte[]? small = null;
        string digest;
        try
        {
            var length = new FileInfo(full).Length;
            if (length <= InlineLimit)
            {
                small = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
                digest = Content.Sha256Digest.Of(small);
            }
            else
            {
                digest = (await Content.Sha256Digest.OfFileAsync(full, cancellationToken).ConfigureAwait(false)).Digest;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LineageErrors.ConfigFileUnreadable(shown, e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }

        var (content, warning) = Inline(full, shown, small);
        return (new ConfigInput { Path = shown, Digest = digest, Content = content }, warning);
    }

    private static (JsonNode? Content, string? Warning) Inline(string full, string shown, byte[]? small)
    {
        var extension = Path.GetExtension(full).ToLowerInvariant();
        var structured = extension is ".json" or ".yaml" or ".yml";
        if (!structured)
        {
            return (null, null);
        }

        if (small is null)
        {
            return (null, LineageErrors.ConfigNotInlinedWarning(shown, $"it is larger than {InlineLimit / 1024} KB"));
        }

        if (extension == ".json")
        {
            try
            {
                return (ConfigRedaction.Json(JsonNode.Parse(small, documentOptions: Lenient)), null);
            }
            catch (JsonException e)
            {
                return (null, LineageErrors.ConfigNotInlinedWarning(shown, $"it is not valid JSON: {e.Message}"));
            }
        }

        try
        {
            return (JsonValue.Create(ConfigRedaction.Yaml(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(small))), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, LineageErrors.ConfigNotInlinedWarning(shown, "it is not UTF-8 text"));
        }
    }
}
