using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EndToEnd.Tests.MSBuild;

/// <summary>
/// A real ML.NET fraud model, trained as the training template's FraudModelTrainer does (Concatenate, then SDCA logistic
/// regression) on 1,000 synthetic transactions where a large amount at night with many recent purchases is fraud, and
/// saved to a model zip. Deterministic: MLContext seed 1.
/// </summary>
internal static class FraudModel
{
    /// <summary>The model's schema as registration reads it from the zip (MLNetSchemaReader), in the register --schema
    /// format a service pins: the saved input columns (the label among them), and the columns the pipeline adds.</summary>
    public const string Schema = """
        {
          "inputs": [
            { "name": "Amount", "type": "float" },
            { "name": "Hour", "type": "float" },
            { "name": "Velocity", "type": "float" },
            { "name": "IsFraud", "type": "bool" }
          ],
          "outputs": [
            { "name": "Features", "type": "float", "shape": [3] },
            { "name": "PredictedLabel", "type": "bool" },
            { "name": "Score", "type": "float" },
            { "name": "Probability", "type": "float" }
          ]
        }
        """;

    /// <summary>Trains and saves the model; <paramref name="velocityColumn"/> renames the Velocity column, as a new
    /// version of the training code might.</summary>
    public static void Train(string zipFile, string velocityColumn = nameof(Transaction.Velocity))
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
        var columns = SchemaDefinition.Create(typeof(Transaction));
        columns[nameof(Transaction.Velocity)].ColumnName = velocityColumn;
        var data = ml.Data.LoadFromEnumerable(rows, columns);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Transaction.Amount), nameof(Transaction.Hour), velocityColumn)
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
