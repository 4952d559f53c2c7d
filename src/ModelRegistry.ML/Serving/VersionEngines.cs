using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ModelRegistry.ML.Serving;

/// <summary>
/// One loaded ML.NET model version and its pool of prediction engines (an engine is not thread-safe: each request takes
/// one). Disposing it disposes the engines it holds; an engine given back afterwards is disposed, never kept, so an
/// engine of a replaced version never reaches the pool of the next.
/// </summary>
public sealed class VersionEngines<TIn, TOut> : IDisposable
    where TIn : class
    where TOut : class, new()
{
    private readonly ObjectPool<PredictionEngine<TIn, TOut>> engines;

    internal VersionEngines(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        Model = model;
        InputSchema = inputSchema;
        engines = new DefaultObjectPoolProvider().Create(new EnginePolicy(ml, model));
    }

    public ITransformer Model { get; }

    /// <summary>The input schema saved with the model.</summary>
    public DataViewSchema InputSchema { get; }

    public PredictionEngine<TIn, TOut> Get() => engines.Get();

    public void Return(PredictionEngine<TIn, TOut> engine) => engines.Return(engine);

    public void Dispose() => (engines as IDisposable)?.Dispose();

    /// <summary>Creates <paramref name="count"/> engines now, has each predict one sample and pools them, so the first
    /// requests after a swap pay neither for creating an engine nor for compiling the code it generates. The sample is
    /// <paramref name="warmUpInput"/>'s, whose failure refuses the version; without one, a
    /// <typeparamref name="TIn"/> made by its parameterless constructor, which a model may reject (default values
    /// where it needs others): the engine that failed is dropped and the rest are only created.</summary>
    internal void Warm(int count, Func<TIn>? warmUpInput)
    {
        var created = Enumerable.Range(0, count).Select(_ => engines.Get()).ToList();
        var sample = warmUpInput is null ? DefaultInput() : warmUpInput();
        foreach (var engine in created)
        {
            if (sample is not null)
            {
                try
                {
                    engine.Predict(sample);
                }
                catch (Exception e) when (warmUpInput is null && e is not OutOfMemoryException)
                {
                    sample = null;
                    engine.Dispose();
                    continue;
                }
            }

            engines.Return(engine);
        }
    }

    private static TIn? DefaultInput()
    {
        try
        {
            return typeof(TIn).GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance<TIn>();
        }
        catch (System.Reflection.TargetInvocationException)
        {
            // A constructor that throws gives nothing to warm with; the engines are only created.
            return null;
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<TIn, TOut>>
    {
        public PredictionEngine<TIn, TOut> Create() => ml.Model.CreatePredictionEngine<TIn, TOut>(model);

        public bool Return(PredictionEngine<TIn, TOut> obj) => true;
    }
}
