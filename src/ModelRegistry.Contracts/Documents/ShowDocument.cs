using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ModelRegistry.Metrics;
using ModelRegistry.Recipes;

namespace ModelRegistry;

/// <summary>The document of <c>show</c>: the version with the evaluation of its thresholds at registration and its
/// recipe. The evaluation is written as null when no thresholds were given, as the tool has always printed it.</summary>
public sealed record ShowDocument : VersionInfo
{
    [JsonConstructor]
    public ShowDocument()
    {
    }

    [SetsRequiredMembers]
    public ShowDocument(VersionInfo version)
        : base(version)
    {
    }

    /// <summary>The verdict of the thresholds given at registration; null when none were given.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Verdict? Evaluation { get; init; }

    /// <summary>How the version was made.</summary>
    [JsonPropertyOrder(2)]
    public Recipe Recipe { get; init; } = new();
}
