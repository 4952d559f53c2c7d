namespace ModelRegistry.Cake;

/// <summary>The CI run that registered a version.</summary>
public sealed class RecipeCiRun
{
    /// <summary>Gets the CI provider (github-actions).</summary>
    public string Provider { get; init; } = "";

    /// <summary>Gets the run id.</summary>
    public string? RunId { get; init; }

    /// <summary>Gets the workflow.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets who started the run.</summary>
    public string? Actor { get; init; }

    /// <summary>Gets the event that started the run.</summary>
    public string? Event { get; init; }

    /// <summary>Gets the link to the run.</summary>
    public string? RunUrl { get; init; }
}
