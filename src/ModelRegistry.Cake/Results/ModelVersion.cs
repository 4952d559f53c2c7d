namespace ModelRegistry.Cake;

/// <summary>One model version as the registry reports it (the version fields of every <c>--json</c> document).</summary>
public sealed class ModelVersion
{
    /// <summary>Gets the model name, as registered (FraudDetection).</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets the version number, assigned when the version was committed.</summary>
    public int Version { get; init; }

    /// <summary>Gets the immutable ID of the version: <c>sha256:</c> of its version record.</summary>
    public string Digest { get; init; } = "";

    /// <summary>Gets the stage the version is in: None, Staging, Production, Archived or a configured one.</summary>
    public string Stage { get; init; } = "";

    /// <summary>Gets the aliases that point at the version (champion, canary).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the version's files.</summary>
    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    /// <summary>Gets the semantic-version label, if one was given.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the free key=value tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the description, if one was given.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the metrics recorded with the version (auc, f1, latency_p95_ms...).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets when the version was registered.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Gets who registered the version.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Gets the digest of the version's recipe (files, code, data, configuration, environment).</summary>
    public string RecipeDigest { get; init; } = "";

    /// <summary>Gets the model's revision the answer was read at.</summary>
    public long ModelRevision { get; init; }

    /// <summary>Gets the reference that names exactly this version: <c>FraudDetection@3</c>.</summary>
    public string Reference => $"{Model}@{Version}";

    /// <inheritdoc />
    public override string ToString() => $"{Reference} ({Stage}, {Digest})";
}
