namespace ModelRegistry.Cake;

/// <summary>The machine and dependencies training ran on.</summary>
public sealed class RecipeEnvironment
{
    /// <summary>Gets the operating system.</summary>
    public string? Os { get; init; }

    /// <summary>Gets the processor architecture.</summary>
    public string? Architecture { get; init; }

    /// <summary>Gets the runtime version.</summary>
    public string? Runtime { get; init; }

    /// <summary>Gets the container image training ran in.</summary>
    public string? ContainerImage { get; init; }

    /// <summary>Gets the environment variables recorded by name.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
