using System.Text.Json;

namespace ModelTraining.Trainer;

/// <summary>config/training.json: how to generate the data when there is none, and how to train.</summary>
public sealed record TrainingOptions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Rows of synthetic data to generate when data/transactions.csv does not exist.</summary>
    public int Rows { get; init; } = 2000;

    /// <summary>Seed of the synthetic data: the same seed always gives the same file.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of the rows held out to compute the metrics.</summary>
    public double TestFraction { get; init; } = 0.2;

    public int MaximumNumberOfIterations { get; init; } = 100;

    public static TrainingOptions Load(string? path) =>
        path is null || !File.Exists(path)
            ? new TrainingOptions()
            : JsonSerializer.Deserialize<TrainingOptions>(File.ReadAllText(path), Json) ?? new TrainingOptions();
}
