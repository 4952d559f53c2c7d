using System.Reflection;
using ModelRegistry;
using ModelRegistry.Runtime;

namespace ModelService;

/// <summary>
/// Follows FraudDetection@MODEL_STAGE while the service runs, with ModelRegistryClient's watch: each poll is one
/// conditional read of the model's state; when the stage names another version, the watch pulls it into the local
/// cache (verified by digest) and the service swaps it in, without a redeploy. With ModelRegistry:Trust (a trust
/// policy file, docs/signing.md) only a version whose signatures the policy accepts is served: a forged move into the
/// stage is reported and the current model stays.
/// </summary>
public sealed class StageWatcher(ModelHost host, IConfiguration configuration, ILogger<StageWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var location = configuration["ModelRegistry:Location"] ?? Environment.GetEnvironmentVariable("MODEL_REGISTRY") ?? BuildTimeRegistry();
        var reference = $"{configuration["ModelRegistry:Model"] ?? host.Current.Model}@{configuration["ModelRegistry:Stage"] ?? "MODEL_STAGE"}";
        var interval = configuration.GetValue("ModelRegistry:PollInterval", TimeSpan.FromSeconds(5));
        ModelWatch watch;
        ModelRegistry.Signing.TrustPolicy? trust = null;
        try
        {
            trust = configuration["ModelRegistry:Trust"] is { Length: > 0 } trustFile ? ModelRegistry.Signing.TrustPolicy.Load(trustFile) : null;
            var client = await ModelRegistryClient.OpenAsync(location, configuration["ModelRegistry:Cache"], trust, stoppingToken);
            watch = await client.WatchAsync(reference, interval, cancellationToken: stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the registry the service still serves the model it was built with.
            logger.LogWarning("Cannot watch {Reference} in {Registry}: {Message} Serving {Model} until restarted.", reference, location, e.Message, host.Current);
            trust?.Dispose();
            return;
        }

        using (trust)
        await using (watch)
        {
            logger.LogInformation("Watching {Reference} in {Registry} every {Interval}.", reference, location, interval);
            watch.Changed += (_, e) => Serve(e.Model);
            watch.Failed += (_, e) => logger.LogWarning("Could not check {Reference}: {Message}", reference, e.Error.Message);
            if (watch.Current.Digest != host.Current.Digest)
            {
                // The stage moved between the build and the start.
                Serve(watch.Model);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Serve(CachedModel? model)
    {
        if (model is not null)
        {
            var version = model.Version;
            host.Replace(ServedModel.Load(version.Model, version.Version, version.Digest, model.File("model.zip")));
        }
    }

    private static string? BuildTimeRegistry() =>
        typeof(StageWatcher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ModelRegistry")?.Value;
}
