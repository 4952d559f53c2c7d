namespace ModelTraining.Trainer;

/// <summary>The CSV files training reads: one file, or every CSV of a folder in a stable (ordinal) order.</summary>
public static class TrainingData
{
    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal)]
            : [];
    }
}
