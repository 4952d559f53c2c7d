using Microsoft.ML;
using Microsoft.ML.Data;
using ModelRegistry.ML.Schemas;
using ModelRegistry.Policies;
using ModelRegistry.Runtime;
using ModelRegistry.Schemas;
using ModelRegistry.TestSupport;
using Xunit;

namespace ModelRegistry.ML.Tests.Serving;

/// <summary>
/// A folder registry of real ML.NET models trained here on a few rows, registered through the engine with the schema
/// MLNetColumns reads from the saved model (as <c>register --schema</c> declares one), and promoted with a local approval.
/// </summary>
public sealed class ServingHarness : IDisposable
{
    private readonly TempFolder temp = new("mrb-serving-");

    public string Root => temp.Combine("registry");

    public string CacheFolder => temp.Combine("cache");

    /// <summary>Options for a pool on this registry; the poll interval is long unless a test wants the watch to act.</summary>
    public ModelServingOptions Options(TimeSpan? pollInterval = null) =>
        new() { Registry = Root, Cache = CacheFolder, PollInterval = pollInterval ?? TimeSpan.FromHours(1) };

    /// <summary>Trains a fraud model (fraud above <paramref name="threshold"/>), registers it and returns its version.</summary>
    public Task<int> RegisterFraudModelAsync(string model, float threshold, bool declareSchema = true) =>
        RegisterAsync(model, TrainFraudModel(threshold), declareSchema);

    /// <summary>Trains a fraud model into a folder of its own and returns the path of its model.zip.</summary>
    public string TrainFraudModel(float threshold) =>
        Train(Transactions(threshold), t => t.Append(Ml.Transforms.Concatenate("Features", nameof(Transaction.Amount), nameof(Transaction.Hour))));

    /// <summary>Trains a model on other inputs (a size instead of an amount and an hour).</summary>
    public Task<int> RegisterParcelModelAsync(string model, bool declareSchema = true) =>
        RegisterAsync(model, Train(Enumerable.Range(0, 40).Select(i => new Parcel { Size = i, IsFraud = i > 20 }), t => t.Append(Ml.Transforms.Concatenate("Features", nameof(Parcel.Size)))), declareSchema);

    /// <summary>Trains a model on a vector of two features (<see cref="Reading"/>), registers it and returns its version.</summary>
    public Task<int> RegisterSensorModelAsync(string model) =>
        RegisterAsync(model, Train(Enumerable.Range(0, 40).Select(i => new Reading { Features = [i * 25, i % 24], IsFraud = i * 25 > 500 }), t => t.Append(Ml.Transforms.CopyColumns("Features", nameof(Reading.Features)))), declareSchema: true);

    public async Task PromoteAsync(string reference, string stage = "Production")
    {
        var registry = await Registry.OpenAsync(Root);
        await registry.PromoteAsync(new PromotionRequest
        {
            Reference = reference,
            Stage = stage,
            Evidence = PromotionEvidence.LocalApproval("alice"),
            Actor = "tester",
        });
    }

    public void Dispose() => temp.Dispose();

    private static readonly MLContext Ml = new(seed: 1);

    private static IEnumerable<Transaction> Transactions(float threshold) =>
        Enumerable.Range(0, 40).Select(i => new Transaction { Amount = i * 10, Hour = i % 24, IsFraud = i * 10 > threshold });

    private string Train<TRow>(IEnumerable<TRow> rows, Func<EstimatorChain<ITransformer>, IEstimator<ITransformer>> features)
        where TRow : class
    {
        var data = Ml.Data.LoadFromEnumerable(rows);
        var pipeline = features(new EstimatorChain<ITransformer>())
            .Append(Ml.Transforms.NormalizeMinMax("Features"))
            .Append(Ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "IsFraud"));
        var model = pipeline.Fit(data);
        var path = temp.Combine("work", Guid.NewGuid().ToString("N"), "model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Ml.Model.Save(model, data.Schema, path);
        return path;
    }

    private async Task<int> RegisterAsync(string model, string zip, bool declareSchema)
    {
        var registry = await Registry.OpenAsync(Root);
        var result = await registry.RegisterAsync(new RegistrationRequest
        {
            Model = model,
            Artifacts = [zip],
            Actor = "tester",
            Schema = declareSchema ? SchemaOf(zip) : null,
        });
        Assert.NotNull(result.Version);
        return result.Version.Version;
    }

    private static ModelSchema SchemaOf(string zip)
    {
        var loaded = Ml.Model.Load(zip, out var input);
        return new ModelSchema
        {
            Format = ModelSchema.Declared,
            Inputs = MLNetColumns.From(input),
            Outputs = MLNetColumns.From(loaded.GetOutputSchema(input)),
        };
    }
}

public sealed class Transaction
{
    public float Amount { get; set; }

    public float Hour { get; set; }

    public bool IsFraud { get; set; }
}

public sealed class FraudScore
{
    [ColumnName("PredictedLabel")]
    public bool IsFraud { get; set; }

    public float Probability { get; set; }
}

public sealed class Reading
{
    [VectorType(2)]
    public float[]? Features { get; set; }

    public bool IsFraud { get; set; }
}

public sealed class Parcel
{
    public float Size { get; set; }

    public bool IsFraud { get; set; }
}
