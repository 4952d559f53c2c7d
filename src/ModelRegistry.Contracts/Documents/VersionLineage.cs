using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ModelRegistry.Metrics;
using ModelRegistry.Recipes;

namespace ModelRegistry;

/// <summary>The document of <c>lineage &lt;reference&gt;</c>: the version, the whole recipe that made it, and how it
/// was evaluated.</summary>
public sealed record VersionLineage : VersionInfo
{
    [JsonConstructor]
    public VersionLineage()
    {
    }

    [SetsRequiredMembers]
    public VersionLineage(VersionInfo version, Recipe recipe)
        : base(version)
    {
        Recipe = recipe;
    }

    // After the version's own fields, as the tool has always printed them.
    [JsonPropertyOrder(1)]
    public required Recipe Recipe { get; init; }

    /// <summary>The thresholds applied at registration and their verdicts; null (printed as null) when there were none.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Verdict? Evaluation { get; init; }
}
