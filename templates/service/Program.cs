using System.Reflection;
using Microsoft.ML;
using ModelRegistry.ML;
using ModelRegistry.ML.Serving;
using ModelRegistry.Runtime;
using ModelRegistry.Signing;
using ModelService;
using BuiltModel = ModelService.ModelRegistryModels.MODEL_IDENTIFIER;

// dotnet run                         serves http://127.0.0.1:MODEL_SERVICE_PORT (POST /score, GET /model)
// dotnet run -- --score-sample       scores one sample transaction with the model resolved at build time, and exits
var builtFolder = Path.Combine(AppContext.BaseDirectory, BuiltModel.Path);
if (args.Contains("--score-sample"))
{
    var ml = new MLContext();
    using var engine = ml.Model.CreatePredictionEngine<Transaction, FraudPrediction>(ml.Model.Load(Path.Combine(builtFolder, "model.zip"), out _));
    var sample = engine.Predict(Transaction.Sample);
    Console.WriteLine($"Sample transaction: fraud={sample.IsFraud}, probability={sample.Probability:F4}, scored by {BuiltModel.Name}@{BuiltModel.Version}.");
    return;
}

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
builder.WebHost.UseUrls(configuration["Urls"] ?? "http://127.0.0.1:MODEL_SERVICE_PORT");

// The service serves the version the build resolved (models/ in the output) from the start, and follows
// FraudDetection@MODEL_STAGE in the same registry: when the stage moves, ModelRegistry.ML's pool pulls the new version
// into the cache (verified by digest), loads and warms it in the background and swaps it in at once (docs/serving.md).
// With ModelRegistry:Trust (a trust policy file, docs/signing.md) only a version the policy accepts is served.
using var trust = configuration["ModelRegistry:Trust"] is { Length: > 0 } trustFile ? TrustPolicy.Load(trustFile) : null;
var reference = $"{configuration["ModelRegistry:Model"] ?? BuiltModel.Name}@{configuration["ModelRegistry:Stage"] ?? "MODEL_STAGE"}";
builder.Services
    .AddModelRegistryPredictionEngine<Transaction, FraudPrediction>(options =>
    {
        options.Registry = configuration["ModelRegistry:Location"] ?? Environment.GetEnvironmentVariable("MODEL_REGISTRY") ?? BuildTimeRegistry();
        options.Cache = configuration["ModelRegistry:Cache"];
        options.Trust = trust;
        options.PollInterval = configuration.GetValue("ModelRegistry:PollInterval", TimeSpan.FromSeconds(5));
    })
    .AddModel(string.Empty, reference, model => model with
    {
        Bundled = BundledModel.Of(BuiltModel.Name, BuiltModel.Version, BuiltModel.Digest, BuiltModel.Requested, builtFolder),
    });

var app = builder.Build();
var pool = app.Services.GetRequiredService<PredictionEnginePool<Transaction, FraudPrediction>>();
await pool.StartAsync();
app.Logger.LogInformation("Serving {Model} version {Version} ({Digest}), resolved at build time; following {Reference}.", BuiltModel.Name, BuiltModel.Version, BuiltModel.Digest, reference);
app.MapGet("/model", () =>
{
    var served = pool.GetVersion();
    return new { served.Model, served.Version, served.Digest };
});
app.MapPost("/score", (Transaction transaction) =>
{
    var prediction = pool.PredictWithVersion(transaction);
    return new Score(prediction.Output.IsFraud, prediction.Output.Probability, prediction.Version.Model, prediction.Version.Version, prediction.Version.Digest);
});
app.Run();

static string? BuildTimeRegistry() =>
    typeof(Transaction).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ModelRegistry")?.Value;
