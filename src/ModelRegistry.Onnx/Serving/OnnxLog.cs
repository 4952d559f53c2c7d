using Microsoft.Extensions.Logging;

namespace ModelRegistry.Onnx.Serving;

/// <summary>What a session holder logs about its versions (the same events as ModelRegistry.ML's pool).</summary>
internal static partial class OnnxLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "{Reference}: now serving {Served} ({Digest}) in ONNX Runtime; was {Previous}.")]
    public static partial void Serving(ILogger logger, string reference, string served, string digest, string previous);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "{Reference} moved to {Refused}, whose session is not served; still serving {Serving}.")]
    public static partial void Refused(ILogger logger, Exception error, string reference, string refused, string serving);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Cannot watch {Reference}: {Message} Serving the bundled {Serving} until the registry answers a refresh.")]
    public static partial void CannotWatch(ILogger logger, string reference, string message, string serving);
}
