using ModelService;

// dotnet run                         serves http://127.0.0.1:MODEL_SERVICE_PORT (POST /score, GET /model)
// dotnet run -- --score-sample       scores one sample transaction with the model resolved at build time, and exits
if (args.Contains("--score-sample"))
{
    using var model = ServedModel.FromBuild();
    Console.WriteLine($"Serving {model}.");
    var score = model.Score(Transaction.Sample);
    Console.WriteLine($"Sample transaction: fraud={score.IsFraud}, probability={score.Probability:F4}, scored by {score.Model}@{score.Version}.");
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:MODEL_SERVICE_PORT");
builder.Services.AddSingleton(_ => ServedModel.FromBuild());
builder.Services.AddSingleton<ModelHost>();
builder.Services.AddHostedService<StageWatcher>();

var app = builder.Build();
app.Logger.LogInformation("Serving {Model}, resolved at build time.", app.Services.GetRequiredService<ModelHost>().Current);
app.MapGet("/model", (ModelHost host) => new { host.Current.Model, host.Current.Version, host.Current.Digest });
app.MapPost("/score", (Transaction transaction, ModelHost host) => host.Score(transaction));
app.Run();
