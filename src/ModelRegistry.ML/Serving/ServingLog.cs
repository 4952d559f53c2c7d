using Microsoft.Extensions.Logging;
using ModelRegistry.Runtime;

namespace ModelRegistry.ML.Serving;

/// <summary>What a pool logs about its versions, with ModelName, ModelVersion and ModelDigest as properties.</summary>
internal static partial class ServingLog
{
    public static void Swapped(ILogger logger, string reference, VersionInfo current, VersionInfo? previous)
    {
        using (logger.BeginScope(ServedVersionLog.Properties(current)))
        {
            Serving(logger, reference, current.Reference, current.Digest, previous?.Reference ?? "nothing");
        }
    }

    public static void SwapFailed(ILogger logger, string reference, ModelSwapFailedEventArgs e)
    {
        using (logger.BeginScope(ServedVersionLog.Properties(e.Serving)))
        {
            Refused(logger, e.Error, reference, e.Refused.Reference, e.Serving.Reference);
        }
    }

    public static void WatchFailed(ILogger logger, string reference, Exception error, VersionInfo serving) =>
        CannotWatch(logger, reference, error.Message, serving.Reference);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Cannot watch {Reference}: {Message} Serving the bundled {Serving} until the registry answers a refresh.")]
    private static partial void CannotWatch(ILogger logger, string reference, string message, string serving);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "{Reference}: now serving {Served} ({Digest}); was {Previous}.")]
    private static partial void Serving(ILogger logger, string reference, string served, string digest, string previous);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "{Reference} moved to {Refused}, which is not served; still serving {Serving}.")]
    private static partial void Refused(ILogger logger, Exception error, string reference, string refused, string serving);
}
