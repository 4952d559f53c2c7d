using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace EndToEnd.Tests.MSBuild;

/// <summary>
/// A real ML.NET fraud model, trained as the training template's FraudModelTrainer does (Concatenate, then SDCA logistic
/// regression) on 1,000 synthetic transactions where a large amount at night with many recent purchases is fraud, and
/// saved to a model zip. Deterministic: MLContext seed 1.
/// </summary>
internal static class FraudModel
{
    /// <summary>The model's schema in the register --schema format, as ML.NET's own schema names it (MLNetColumns):
    /// three float inputs, and the binary classifier's outputs.</summary>
    public const string Schema = """
        {
          "inputs": [
            { "name": "Amount", "type": "float" },
            { "name": "Hour", "type": "float" },
            { "name": "Velocity", "type": "float" }
          ],
          "outputs": [
            { "name": "PredictedLabel", "type": "bool" },
            { "name": "Score", "type": "float" },
            { "name": "Probability", "type": "float" }
          ]
        }
        """;

    public static void Train(string zipFile)
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(1);
        var rows = Enumerable.Range(0, 1000).Select(_ =>
        {
            var fraud = random.NextDouble() < 0.3;
            return new Transaction
            {
                Amount = fraud ? 500 + (float)random.NextDouble() * 500 : (float)random.NextDouble() * 200,
                Hour = fraud ? (float)random.Next(0, 5) : (float)random.Next(8, 22),
                Velocity = fraud ? 5 + (float)random.NextDouble() * 5 : (float)random.NextDouble() * 3,
                IsFraud = fraud,
            };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Transaction.Amount), nameof(Transaction.Hour), nameof(Transaction.Velocity))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = nameof(Transaction.IsFraud) }));
        Directory.CreateDirectory(Path.GetDirectoryName(zipFile)!);
        ml.Model.Save(pipeline.Fit(data), data.Schema, zipFile);
    }

    private sealed class Transaction
    {
        public float Amount { get; set; }

        public float Hour { get; set; }

        public float Velocity { get; set; }

        public bool IsFraud { get; set; }
    }
}
