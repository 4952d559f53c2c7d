namespace ModelRegistry.Cake;

/// <summary>How a version was made, beside its files: code, data, configuration, environment and the CI run.</summary>
public sealed class ModelRecipe
{
    /// <summary>Gets the code that trained the model (repository, commit, branch, uncommitted changes).</summary>
    public RecipeCode? Code { get; init; }

    /// <summary>Gets the declared training inputs, each by digest (or URI and ETag).</summary>
    public IReadOnlyList<RecipeData> Data { get; init; } = [];

    /// <summary>Gets the declared configuration files, by digest.</summary>
    public IReadOnlyList<RecipeConfig> Config { get; init; } = [];

    /// <summary>Gets the machine and dependencies training ran on.</summary>
    public RecipeEnvironment? Environment { get; init; }

    /// <summary>Gets the CI run that registered the version, when there was one.</summary>
    public RecipeCiRun? Ci { get; init; }

    /// <summary>Gets the training command line, when declared.</summary>
    public string? Command { get; init; }

    /// <summary>Gets the coded warnings raised while capturing (shallow clone, not a git repository...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
