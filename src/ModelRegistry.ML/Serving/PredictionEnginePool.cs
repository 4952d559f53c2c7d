using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using ModelRegistry.Runtime;

namespace ModelRegistry.ML.Serving;

/// <summary>
/// ML.NET prediction engines for models served straight from the registry (docs/serving.md), in the shape of
/// Microsoft.Extensions.ML's pool. Each model follows a reference (<c>FraudDetection@Production</c>): it is loaded from
/// the verified cache on first use, and when its stage moves the new version is loaded and warmed in the background,
/// then swapped in at once; a version whose recorded schema does not fit <typeparamref name="TIn"/> and
/// <typeparamref name="TOut"/> is refused (MRB2201) and the previous one keeps serving.
/// </summary>
public sealed class PredictionEnginePool<TIn, TOut> : IAsyncDisposable, IDisposable
    where TIn : class
    where TOut : class, new()
{
    private readonly Dictionary<string, ModelSlot<VersionEngines<TIn, TOut>>> slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PredictionEngine<TIn, TOut>, ModelLease<VersionEngines<TIn, TOut>>> lent = new(ReferenceEqualityComparer.Instance);
    private readonly ILogger logger;

    public PredictionEnginePool(ModelServingOptions options, IEnumerable<ServedModelDefinition<TIn>> models, ILogger<PredictionEnginePool<TIn, TOut>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        this.logger = logger ?? NullLogger<PredictionEnginePool<TIn, TOut>>.Instance;
        var source = new ModelServingSource(options);
        var ml = new MLContext();
        foreach (var model in models)
        {
            var slot = source.Slot<VersionEngines<TIn, TOut>>(model.Reference, new MLNetVersionLoader<TIn, TOut>(ml, model).Load, model.Bundled);
            slots.Add(model.Name, slot);
            slot.Swapped += (_, e) =>
            {
                ServingLog.Swapped(this.logger, slot.Reference, e.Current, e.Previous);
                Swapped?.Invoke(this, e);
            };
            slot.SwapFailed += (_, e) =>
            {
                ServingLog.SwapFailed(this.logger, slot.Reference, e);
                SwapFailed?.Invoke(this, e);
            };
            slot.WatchFailed += (_, e) => ServingLog.WatchFailed(this.logger, slot.Reference, e.Error, slot.Version!);
        }
    }

    /// <summary>Raised after a model's version was loaded and swapped in.</summary>
    public event EventHandler<ModelSwappedEventArgs>? Swapped;

    /// <summary>Raised when a stage moved to a version that was refused; the previous version keeps serving.</summary>
    public event EventHandler<ModelSwapFailedEventArgs>? SwapFailed;

    /// <summary>The names of the models served ("" is the default model).</summary>
    public IReadOnlyCollection<string> ModelNames => slots.Keys;

    public TOut Predict(TIn example) => Predict(string.Empty, example);

    public TOut Predict(string modelName, TIn example) => PredictWithVersion(modelName, example).Output;

    public ModelPrediction<TOut> PredictWithVersion(TIn example) => PredictWithVersion(string.Empty, example);

    /// <summary>Predicts with the version served now and says which version that was.</summary>
    public ModelPrediction<TOut> PredictWithVersion(string modelName, TIn example)
    {
        using var lease = Slot(modelName).Acquire();
        var engine = lease.Value.Get();
        try
        {
            return new ModelPrediction<TOut>(engine.Predict(example), lease.Version);
        }
        finally
        {
            lease.Value.Return(engine);
        }
    }

    public PredictionEngine<TIn, TOut> GetPredictionEngine() => GetPredictionEngine(string.Empty);

    /// <summary>An engine of the version served now, for several predictions; give it back with
    /// <see cref="ReturnPredictionEngine(PredictionEngine{TIn, TOut})"/>. Its version stays loaded until then.</summary>
    public PredictionEngine<TIn, TOut> GetPredictionEngine(string modelName)
    {
        var lease = Slot(modelName).Acquire();
        var engine = lease.Value.Get();
        lent[engine] = lease;
        return engine;
    }

    /// <summary>Gives an engine back to the pool of the version it came from: an engine of a replaced version is
    /// disposed with that version, never handed to the next.</summary>
    public void ReturnPredictionEngine(PredictionEngine<TIn, TOut> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!lent.TryRemove(engine, out var lease))
        {
            throw new ArgumentException("The engine was not taken from this pool, or was already returned.", nameof(engine));
        }

        lease.Value.Return(engine);
        lease.Dispose();
    }

    /// <summary>Microsoft.Extensions.ML's form; the engine knows its model, so the name is only checked.</summary>
    public void ReturnPredictionEngine(string modelName, PredictionEngine<TIn, TOut> engine)
    {
        Slot(modelName);
        ReturnPredictionEngine(engine);
    }

    /// <summary>The version a model serves now, loading it on first use.</summary>
    public VersionInfo GetVersion(string modelName = "")
    {
        using var lease = Slot(modelName).Acquire();
        return lease.Version;
    }

    /// <summary>The loaded model of the version served now (for its schema, or to transform a data view).</summary>
    public ModelLease<VersionEngines<TIn, TOut>> GetModel(string modelName = "") => Slot(modelName).Acquire();

    /// <summary>Loads every model now instead of on first use; a model that cannot be loaded throws.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(slots.Values.Select(s => s.StartAsync(cancellationToken)));

    /// <summary>Checks the default model's stage now; when it moved, returns after the new version is swapped in.
    /// A refused version throws its coded error, and the previous version keeps serving.</summary>
    public Task<VersionInfo> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(string.Empty, cancellationToken);

    public Task<VersionInfo> RefreshAsync(string modelName, CancellationToken cancellationToken = default) =>
        Slot(modelName).RefreshAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in slots.Values)
        {
            await slot.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ModelSlot<VersionEngines<TIn, TOut>> Slot(string modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        return slots.TryGetValue(modelName, out var slot) ? slot : throw Errors.ServedModelNotAdded(modelName, slots.Keys);
    }
}
