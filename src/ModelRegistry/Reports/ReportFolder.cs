using System.Text.Json;
using ModelRegistry.Storage;

namespace ModelRegistry.Reports;

/// <summary>
/// Brings the output folder to the site's files: a file whose bytes are already there is left alone, the others are
/// written through a temporary file renamed over them. Files an earlier run wrote (listed in
/// <see cref="ReportPaths.Manifest"/>) that the site no longer has are removed; nothing else in the folder is touched.
/// </summary>
internal static class ReportFolder
{
    private static readonly JsonSerializerOptions ManifestOptions = new() { WriteIndented = true };

    public static ReportDocument Sync(string output, SortedDictionary<string, byte[]> files, IReadOnlyList<string> models)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        if (File.Exists(root))
        {
            throw Errors.OutputUnwritable(root, "it is a file; the report needs a folder");
        }

        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputUnwritable(root, e.Message);
        }

        var previous = ReadManifest(root);
        var changed = new bool[files.Count];
        var entries = files.ToArray();
        var targets = entries.Select(e => Inside(root, e.Key)).ToArray();
        try
        {
            Parallel.For(0, entries.Length, i => changed[i] = ChangedFile.WriteIfChanged(targets[i], entries[i].Value));
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputUnwritable(root, $"a page could not be written: {e.InnerExceptions[0].Message}");
        }

        var written = entries.Where((_, i) => changed[i]).Select(e => e.Key).ToList();

        var removed = new List<string>();
        foreach (var relative in previous.Where(p => !files.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            if (TryInside(root, relative) is { } full && File.Exists(full))
            {
                File.Delete(full);
                removed.Add(relative);
                RemoveEmptyFolders(root, Path.GetDirectoryName(full)!);
            }
        }

        ChangedFile.WriteIfChanged(Path.Combine(root, ReportPaths.Manifest), JsonSerializer.SerializeToUtf8Bytes(files.Keys.ToList(), ManifestOptions));
        return new ReportDocument(root, written, files.Count - written.Count, removed) { Pages = files.Count, Models = models };
    }

    private static List<string> ReadManifest(string root)
    {
        var path = Path.Combine(root, ReportPaths.Manifest);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(File.ReadAllBytes(path)) ?? [];
        }
        catch (JsonException)
        {
            // A damaged list only means old pages stay behind; every page of this run is still written.
            return [];
        }
    }

    private static string Inside(string root, string relative) =>
        TryInside(root, relative) ?? throw Errors.ReportOutputInvalid(root, $"the page '{relative}' would fall outside it");

    /// <summary>The full path of a file of the site, or null when the name would leave the output folder.</summary>
    private static string? TryInside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static void RemoveEmptyFolders(string root, string folder)
    {
        while (folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
