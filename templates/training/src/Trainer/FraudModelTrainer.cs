using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ModelTraining.Trainer;

/// <summary>
/// Trains SDCA logistic regression on the transactions, evaluates it on a held-out share, and writes model/model.zip
/// and metrics.json (auc, f1, accuracy, precision, recall, log_loss, latency_p95_ms). Deterministic: MLContext seed 1.
/// </summary>
public static class FraudModelTrainer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Train(IReadOnlyList<string> dataFiles, TrainingOptions options, string outputFolder)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.CreateTextLoader<Transaction>(separatorChar: ',', hasHeader: true).Load(new MultiFileSource([.. dataFiles]));
        var split = ml.Data.TrainTestSplit(data, testFraction: options.TestFraction, seed: 1);
        var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Transaction.IsFraud),
            MaximumNumberOfIterations = options.MaximumNumberOfIterations,
        });
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Transaction.Amount), nameof(Transaction.Hour), nameof(Transaction.DistanceKm), nameof(Transaction.MerchantRisk), nameof(Transaction.Velocity))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(trainer);
        var model = pipeline.Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Transaction.IsFraud));

        var modelFolder = Path.Combine(outputFolder, "model");
        Directory.CreateDirectory(modelFolder);
        ml.Model.Save(model, data.Schema, Path.Combine(modelFolder, "model.zip"));
        var latency = ScoringLatencyP95(ml, model);
        var document = new Dictionary<string, double>
        {
            ["auc"] = Math.Round(metrics.AreaUnderRocCurve, 4),
            ["f1"] = Math.Round(metrics.F1Score, 4),
            ["accuracy"] = Math.Round(metrics.Accuracy, 4),
            ["precision"] = Math.Round(metrics.PositivePrecision, 4),
            ["recall"] = Math.Round(metrics.PositiveRecall, 4),
            ["log_loss"] = Math.Round(metrics.LogLoss, 4),
            ["latency_p95_ms"] = Math.Round(latency, 3),
        };
        File.WriteAllText(Path.Combine(outputFolder, "metrics.json"), JsonSerializer.Serialize(document, Indented));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trained on {string.Join(", ", dataFiles.Select(Path.GetFileName))}: auc {metrics.AreaUnderRocCurve:F4}, f1 {metrics.F1Score:F4}, p95 scoring latency {latency:F3} ms."));
    }

    /// <summary>The 95th percentile of single predictions, after a warm-up, as a service would see it.</summary>
    private static double ScoringLatencyP95(MLContext ml, ITransformer model)
    {
        using var engine = ml.Model.CreatePredictionEngine<Transaction, FraudPrediction>(model);
        var sample = new Transaction { Amount = 120, Hour = 3, DistanceKm = 250, MerchantRisk = 0.8f, Velocity = 4 };
        for (var i = 0; i < 20; i++)
        {
            engine.Predict(sample);
        }

        var timings = new double[200];
        for (var i = 0; i < timings.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            engine.Predict(sample);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        return timings[(int)(timings.Length * 0.95)];
    }
}
