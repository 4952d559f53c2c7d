using System.Text.Json;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

/// <summary>What <c>model-registry register</c> did: the version it registered (or found unchanged) and the verdict.</summary>
public sealed class ModelRegistration
{
    /// <summary>Gets the registered version; null when the metrics did not pass and nothing was registered.</summary>
    public VersionInfo? Version { get; init; }

    /// <summary>Gets a value indicating whether a version is in the registry after the call.</summary>
    public bool Registered => Version is not null;

    /// <summary>Gets a value indicating whether this call created the version (false: the same recipe was already registered).</summary>
    public bool IsNew { get; init; }

    /// <summary>Gets the bytes uploaded (files already stored under the same digest are not uploaded again).</summary>
    public long BytesUploaded { get; init; }

    /// <summary>Gets the verdict of the thresholds applied before registration.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    internal static ModelRegistration From(JsonElement document, string command) => new()
    {
        Version = document.TryGetProperty("version", out _) ? CliJson.Read<VersionInfo>(document, command) : null,
        IsNew = CliJson.Flag(document, "isNew"),
        BytesUploaded = CliJson.Number(document, "bytesUploaded") ?? 0,
        Evaluation = CliJson.ReadProperty<Verdict>(document, "evaluation", command) ?? Verdict.Empty,
    };
}
