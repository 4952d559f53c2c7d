namespace ModelRegistry.ML.Serving;

/// <summary>One model a <see cref="PredictionEnginePool{TIn, TOut}"/> serves: a name for <c>Predict(name, input)</c>
/// ("" for the default model) and the reference it follows.</summary>
public sealed record ServedModelDefinition<TIn>(string Name, string Reference)
    where TIn : class
{
    /// <summary>The model's file among the version's files; null: its only file, or its only .zip.</summary>
    public string? ModelFile { get; init; }

    /// <summary>How many prediction engines each version creates before it is swapped in.</summary>
    public int WarmEngines { get; init; } = Environment.ProcessorCount;

    /// <summary>A version shipped with the application (<c>BundledModel.Of</c>): served first, and kept while the
    /// registry cannot be reached.</summary>
    public Runtime.CachedModel? Bundled { get; init; }

    /// <summary>A sample each warmed engine predicts once before the version is swapped in; a version that cannot
    /// predict it is refused (MRB2202). Null: a <typeparamref name="TIn"/> made by its parameterless constructor, when
    /// it has one, whose failure refuses nothing.</summary>
    public Func<TIn>? WarmUpInput { get; init; }
}
