using ModelRegistry.Runtime;

namespace ModelRegistry.ML.Serving;

/// <summary>A prediction and the exact model version that made it; a value, so a prediction allocates only its output.</summary>
public readonly record struct ModelPrediction<TOut>(TOut Output, VersionInfo Version)
{
    /// <summary>For <c>logger.BeginScope(prediction.LogScope)</c>: ModelName, ModelVersion and ModelDigest on every
    /// entry logged inside.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> LogScope => ServedVersionLog.Properties(Version);
}
