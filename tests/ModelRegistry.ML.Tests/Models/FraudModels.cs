using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelRegistry.ML.Tests.Models;

/// <summary>
/// Real ML.NET models trained on a few rows and saved with <c>MLContext.Model.Save</c>, as templates/training's
/// FraudModelTrainer trains its model: the features concatenated, normalized, then SDCA logistic regression.
/// </summary>
public static class FraudModels
{
    public static readonly string[] Features = [nameof(Transaction.Amount), nameof(Transaction.Hour), nameof(Transaction.DistanceKm)];

    /// <summary>The fraud classifier on <see cref="Transaction"/> rows, saved to <paramref name="path"/>.</summary>
    public static string SaveClassifier(string path) =>
        Save(path, Transactions(i => new Transaction { Amount = Amount(i), Hour = i % 24, DistanceKm = i * 3 % 50, IsFraud = IsFraud(i) }), ml => Classifier(ml, Features));

    /// <summary>Trains <paramref name="pipeline"/> on <paramref name="rows"/> and saves it with the rows' schema as its input schema.</summary>
    public static string Save<TRow>(string path, IEnumerable<TRow> rows, Func<MLContext, IEstimator<ITransformer>> pipeline, bool withInputSchema = true)
        where TRow : class
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = pipeline(ml).Fit(data);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ml.Model.Save(model, withInputSchema ? data.Schema : null, path);
        return path;
    }

    /// <summary>Concatenate the features, normalize them, train SDCA logistic regression on IsFraud.</summary>
    public static IEstimator<ITransformer> Classifier(MLContext ml, params string[] features) =>
        ml.Transforms.Concatenate("Features", features)
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Transaction.IsFraud), maximumNumberOfIterations: 10));

    public static IEnumerable<TRow> Transactions<TRow>(Func<int, TRow> row) => Enumerable.Range(0, 40).Select(row);

    public static float Amount(int i) => 10 + (i * 37 % 900);

    public static bool IsFraud(int i) => Amount(i) > 600 && i % 24 < 8;

    /// <summary>Rewrites one entry of a saved zip, as damage or a foreign component would change it.</summary>
    public static void RewriteEntry(string zipPath, string entryName, Func<byte[], byte[]> rewrite)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{zipPath} has no entry {entryName}");
        byte[] content;
        using (var read = entry.Open())
        using (var buffer = new MemoryStream())
        {
            read.CopyTo(buffer);
            content = buffer.ToArray();
        }

        entry.Delete();
        using var write = zip.CreateEntry(entryName).Open();
        write.Write(rewrite(content));
    }

    public sealed class Transaction
    {
        public float Amount { get; set; }

        public float Hour { get; set; }

        public float DistanceKm { get; set; }

        public bool IsFraud { get; set; }
    }
}
