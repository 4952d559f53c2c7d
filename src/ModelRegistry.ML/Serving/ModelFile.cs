namespace ModelRegistry.ML.Serving;

/// <summary>Which of a version's files is the model: the one named, else its only file, else its only .zip.</summary>
internal static class ModelFile
{
    public static string Of(VersionInfo version, string? named)
    {
        var files = version.Files.Select(f => f.Path).ToList();
        if (named is not null)
        {
            return files.Contains(named, StringComparer.Ordinal)
                ? named
                : throw Errors.ServedModelFileUnknown(version.Reference, $"it has no file '{named}' (files: {string.Join(", ", files)})");
        }

        if (files.Count == 1)
        {
            return files[0];
        }

        var zips = files.Where(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).ToList();
        return zips.Count == 1
            ? zips[0]
            : throw Errors.ServedModelFileUnknown(version.Reference, $"{zips.Count} of its files are .zip files, so which one is the model is not known (files: {string.Join(", ", files)})");
    }
}
