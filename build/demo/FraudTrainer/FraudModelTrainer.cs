using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FraudTrainer;

/// <summary>One transaction as the CSV holds it.</summary>
public sealed class Transaction
{
    [LoadColumn(0)] public float Amount { get; set; }

    [LoadColumn(1)] public float Hour { get; set; }

    [LoadColumn(2)] public float DistanceKm { get; set; }

    [LoadColumn(3)] public float MerchantRisk { get; set; }

    [LoadColumn(4)] public float Velocity { get; set; }

    [LoadColumn(5)] public bool IsFraud { get; set; }
}

/// <summary>The model's answer for one transaction.</summary>
public sealed class FraudPrediction
{
    [ColumnName("PredictedLabel")] public bool IsFraud { get; set; }

    public float Probability { get; set; }
}

/// <summary>Trains SDCA logistic regression (deterministic: seed 1), evaluates it on a held-out fifth, and writes
/// model.zip and metrics.json (auc, f1, accuracy, precision, recall, scoring latency).</summary>
internal static class FraudModelTrainer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Train(string dataPath, string outputFolder)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Transaction>(dataPath, separatorChar: ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Transaction.Amount), nameof(Transaction.Hour), nameof(Transaction.DistanceKm), nameof(Transaction.MerchantRisk), nameof(Transaction.Velocity))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Transaction.IsFraud)));
        var model = pipeline.Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Transaction.IsFraud));

        Directory.CreateDirectory(outputFolder);
        ml.Model.Save(model, data.Schema, Path.Combine(outputFolder, "model.zip"));
        var latency = MeasureLatency(ml, model);
        var document = new Dictionary<string, double>
        {
            ["auc"] = Math.Round(metrics.AreaUnderRocCurve, 4),
            ["f1"] = Math.Round(metrics.F1Score, 4),
            ["accuracy"] = Math.Round(metrics.Accuracy, 4),
            ["precision"] = Math.Round(metrics.PositivePrecision, 4),
            ["recall"] = Math.Round(metrics.PositiveRecall, 4),
            ["latency_p95_ms"] = Math.Round(latency, 3),
        };
        File.WriteAllText(Path.Combine(outputFolder, "metrics.json"), JsonSerializer.Serialize(document, Indented));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trained on {dataPath}: auc {metrics.AreaUnderRocCurve:F4}, f1 {metrics.F1Score:F4}, p95 latency {latency:F3} ms."));
        return 0;
    }

    private static double MeasureLatency(MLContext ml, ITransformer model)
    {
        using var engine = ml.Model.CreatePredictionEngine<Transaction, FraudPrediction>(model);
        var sample = new Transaction { Amount = 120, Hour = 3, DistanceKm = 250, MerchantRisk = 0.8f, Velocity = 4 };
        var timings = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var started = Stopwatch.GetTimestamp();
            engine.Predict(sample);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        return timings[(int)(timings.Count * 0.95)];
    }
}
