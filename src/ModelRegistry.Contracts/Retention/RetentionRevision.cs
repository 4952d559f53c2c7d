namespace ModelRegistry.Retention;

/// <summary>
/// One immutable revision of the registry's retention policy: <c>retention/&lt;revision, 20 digits&gt;.json</c>,
/// created only by the writer that won its name. Each revision holds the whole policy after the change (the default
/// and every model's override), so the latest one alone answers, and the earlier ones say who changed what, when, why.
/// </summary>
public sealed record RetentionRevision
{
    public int Format { get; init; } = 1;

    public required long Revision { get; init; }

    public required string WriteId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Actor { get; init; }

    public string? Reason { get; init; }

    /// <summary>The model whose override changed; null when the registry default changed.</summary>
    public string? Model { get; init; }

    /// <summary>The registry default; null means keep everything.</summary>
    public RetentionPolicy? Default { get; init; }

    /// <summary>Overrides by model key (the name in lower case), with the name as given.</summary>
    public Dictionary<string, ModelRetention> Models { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The policy that applies to a model: its override over the default, or null to keep everything.</summary>
    public RetentionPolicy? For(string key)
    {
        var policy = Models.TryGetValue(key, out var own) ? own.Policy.Over(Default) : Default;
        return policy is { KeepsEverything: false } ? policy : null;
    }
}

/// <summary>A model's own retention rules, which beat the registry default field by field.</summary>
public sealed record ModelRetention(string Model, RetentionPolicy Policy);
