using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelRegistry.ML.Serving;
using ModelRegistry.Runtime;

namespace ModelRegistry.ML;

public static class ServingServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="PredictionEnginePool{TIn, TOut}"/> whose default model follows <paramref name="reference"/>
    /// (<c>FraudDetection@Production</c>): <c>pool.Predict(input)</c>. Add more with <c>.AddModel(name, reference)</c>.
    /// A <see cref="ModelRegistryClient"/> registered in the container is used; otherwise one is opened from the options.
    /// </summary>
    public static PredictionEnginePoolBuilder<TIn> AddModelRegistryPredictionEngine<TIn, TOut>(this IServiceCollection services, string reference, Action<ModelServingOptions>? configure = null)
        where TIn : class
        where TOut : class, new() =>
        services.AddModelRegistryPredictionEngine<TIn, TOut>(configure).AddModel(string.Empty, reference);

    /// <summary>Registers a pool with named models only: add them with <c>.AddModel(name, reference)</c>.</summary>
    public static PredictionEnginePoolBuilder<TIn> AddModelRegistryPredictionEngine<TIn, TOut>(this IServiceCollection services, Action<ModelServingOptions>? configure = null)
        where TIn : class
        where TOut : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new PredictionEnginePoolBuilder<TIn>();
        services.AddSingleton(provider =>
        {
            var options = new ModelServingOptions { Client = provider.GetService<ModelRegistryClient>() };
            configure?.Invoke(options);
            return new PredictionEnginePool<TIn, TOut>(options, builder.Models, provider.GetService<ILogger<PredictionEnginePool<TIn, TOut>>>());
        });
        return builder;
    }
}
