namespace ModelRegistry.ML.Serving;

/// <summary>Adds named models to the pool that <c>AddModelRegistryPredictionEngine</c> registered.</summary>
public sealed class PredictionEnginePoolBuilder<TIn>
    where TIn : class
{
    internal List<ServedModelDefinition<TIn>> Models { get; } = [];

    /// <summary>Serves <paramref name="reference"/> as <c>Predict(name, input)</c>; loaded on its first use.</summary>
    public PredictionEnginePoolBuilder<TIn> AddModel(string name, string reference, Func<ServedModelDefinition<TIn>, ServedModelDefinition<TIn>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(reference);
        if (Models.Any(m => m.Name == name))
        {
            throw new ArgumentException($"A model named '{name}' is already served by this pool.", nameof(name));
        }

        var model = new ServedModelDefinition<TIn>(name, reference);
        Models.Add(configure is null ? model : configure(model));
        return this;
    }
}
