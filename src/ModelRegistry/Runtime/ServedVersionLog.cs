namespace ModelRegistry.Runtime;

/// <summary>The properties that tie a log entry to the model version that served a request: pass them to
/// <c>ILogger.BeginScope</c>, so every entry inside names ModelName, ModelVersion and ModelDigest.</summary>
public static class ServedVersionLog
{
    public static IReadOnlyList<KeyValuePair<string, object?>> Properties(VersionInfo version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return
        [
            new("ModelName", version.Model),
            new("ModelVersion", version.Version),
            new("ModelDigest", version.Digest),
        ];
    }
}
