using Microsoft.ML;
using BuiltModel = ModelService.ModelRegistryModels.MODEL_IDENTIFIER;

namespace ModelService;

/// <summary>One loaded model version. Scoring is serialized: an ML.NET prediction engine is not thread-safe.</summary>
public sealed class ServedModel : IDisposable
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly PredictionEngine<Transaction, FraudPrediction> engine;
    private readonly Lock gate = new();

    private ServedModel(string model, int version, string digest, string path)
    {
        Model = model;
        Version = version;
        Digest = digest;
        Path = path;
        engine = Ml.Model.CreatePredictionEngine<Transaction, FraudPrediction>(Ml.Model.Load(path, out _));
    }

    public string Model { get; }

    public int Version { get; }

    public string Digest { get; }

    public string Path { get; }

    /// <summary>The version resolved when the service was built, from the output's models folder.</summary>
    public static ServedModel FromBuild() => Load(
        BuiltModel.Name,
        BuiltModel.Version,
        BuiltModel.Digest,
        System.IO.Path.Combine(AppContext.BaseDirectory, BuiltModel.Path, "model.zip"));

    public static ServedModel Load(string model, int version, string digest, string path) => new(model, version, digest, path);

    public Score Score(Transaction transaction)
    {
        FraudPrediction prediction;
        lock (gate)
        {
            prediction = engine.Predict(transaction);
        }

        return new Score(prediction.IsFraud, prediction.Probability, Model, Version, Digest);
    }

    public override string ToString() => $"{Model} version {Version} ({Digest})";

    public void Dispose() => engine.Dispose();
}
