using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelRegistry.Onnx.Serving;
using ModelRegistry.Runtime;

namespace ModelRegistry.Onnx;

public static class OnnxServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="OnnxSessionHolder"/> following <paramref name="reference"/> (<c>Ranker@Production</c>).
    /// A <see cref="ModelRegistryClient"/> registered in the container is used; otherwise one is opened from the options.
    /// </summary>
    public static IServiceCollection AddModelRegistryOnnxSession(this IServiceCollection services, string reference, Action<ModelServingOptions>? configure = null, Func<OnnxSessionDefinition, OnnxSessionDefinition>? model = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(reference);
        var definition = new OnnxSessionDefinition(reference);
        definition = model is null ? definition : model(definition);
        return services.AddSingleton(provider =>
        {
            var options = new ModelServingOptions { Client = provider.GetService<ModelRegistryClient>() };
            configure?.Invoke(options);
            return new OnnxSessionHolder(options, definition, provider.GetService<ILogger<OnnxSessionHolder>>());
        });
    }
}
