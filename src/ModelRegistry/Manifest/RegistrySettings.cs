using ModelRegistry.Policies;

namespace ModelRegistry.Manifest;

/// <summary><c>registry.json</c>: the format version and registry-wide settings, written once when the registry is created.</summary>
public sealed record RegistrySettings
{
    public const int CurrentFormat = 1;

    public const string None = "None";

    public const string Staging = "Staging";

    public const string Production = "Production";

    public const string Archived = "Archived";

    public int Format { get; init; } = CurrentFormat;

    public string Kind { get; init; } = "model-registry";

    public DateTimeOffset Created { get; init; }

    /// <summary>Every stage; None and Archived are states, the others hold one version each.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [None, Staging, Production, Archived];

    /// <summary>What a promotion into each stage needs; a stage without an entry needs nothing.</summary>
    public Dictionary<string, StagePolicy> Policies { get; init => field = IgnoreCase.Copy(value); } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Production] = new StagePolicy { Requires = [StagePolicy.Approval] },
    };

    /// <summary>The stage as configured (case-insensitive lookup), or null.</summary>
    public string? FindStage(string name) => Stages.FirstOrDefault(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configured spelling of a stage (stages are matched ignoring case); MRB1009 when there is none.</summary>
    public string Stage(string name) => FindStage(name) ?? throw Errors.UnknownStage(name, Stages);

    public static bool IsPointerStage(string stage) =>
        !stage.Equals(None, StringComparison.OrdinalIgnoreCase) && !stage.Equals(Archived, StringComparison.OrdinalIgnoreCase);

    public StagePolicy PolicyFor(string stage) => Policies.TryGetValue(stage, out var policy) ? policy : StagePolicy.Open;
}
