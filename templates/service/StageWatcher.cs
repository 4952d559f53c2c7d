using System.Reflection;
using ModelRegistry;

namespace ModelService;

/// <summary>
/// Follows FraudDetection@MODEL_STAGE in the registry while the service runs: when the stage moves to another version,
/// the new version is pulled (verified by digest) into a local folder and swapped in, without a redeploy.
/// </summary>
public sealed class StageWatcher(ModelHost host, IConfiguration configuration, ILogger<StageWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var location = configuration["ModelRegistry:Location"] ?? Environment.GetEnvironmentVariable("MODEL_REGISTRY") ?? BuildTimeRegistry();
        var model = configuration["ModelRegistry:Model"] ?? host.Current.Model;
        var stage = configuration["ModelRegistry:Stage"] ?? "MODEL_STAGE";
        var interval = TimeSpan.TryParse(configuration["ModelRegistry:PollInterval"], System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.FromSeconds(5);
        var reference = $"{model}@{stage}";
        logger.LogInformation("Watching {Reference} in {Registry} every {Interval}.", reference, location, interval);

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var registry = await Registry.OpenAsync(location, stoppingToken);
                var resolved = await registry.ResolveAsync(reference, cancellationToken: stoppingToken);
                if (resolved.Digest != host.Current.Digest)
                {
                    var folder = Path.Combine(AppContext.BaseDirectory, "models", ".pulled", resolved.Digest.Replace(':', '-'));
                    await registry.PullFilesAsync(resolved, folder, cancellationToken: stoppingToken);
                    host.Replace(ServedModel.Load(resolved.Model, resolved.Version, resolved.Digest, Path.Combine(folder, "model.zip")));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The service keeps serving the model it has; the next tick tries again.
                logger.LogWarning("Could not check {Reference}: {Message}", reference, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static string? BuildTimeRegistry() =>
        typeof(StageWatcher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ModelRegistry")?.Value;
}
