namespace ModelRegistry.Runtime;

/// <summary>Which of a version's files a runtime loads: the one named, else its only file, else its only file with
/// the runtime's extension (.zip for ML.NET, .onnx for ONNX Runtime).</summary>
public static class ServedModelFile
{
    public static string Of(VersionInfo version, string? named, string extension)
    {
        ArgumentNullException.ThrowIfNull(version);
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

        var candidates = files.Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw Errors.ServedModelFileUnknown(version.Reference, $"{candidates.Count} of its files are {extension} files, so which one is the model is not known (files: {string.Join(", ", files)})");
    }
}
