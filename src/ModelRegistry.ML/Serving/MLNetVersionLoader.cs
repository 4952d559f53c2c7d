using Microsoft.ML;
using Microsoft.ML.Data;
using ModelRegistry.ML.Schemas;
using ModelRegistry.Runtime;

namespace ModelRegistry.ML.Serving;

/// <summary>
/// Loads one cached version for <see cref="PredictionEnginePool{TIn, TOut}"/>: a recorded schema is checked against
/// <typeparamref name="TIn"/> and <typeparamref name="TOut"/> before anything is loaded (MRB2201); the model is read
/// from the verified cache as a stream (no copy); engines are created and warmed; ML.NET's own errors (a model without
/// a recorded schema that does not take TIn) become MRB2202.
/// </summary>
internal sealed class MLNetVersionLoader<TIn, TOut>(MLContext ml, ServedModelDefinition<TIn> definition)
    where TIn : class
    where TOut : class, new()
{
    public VersionEngines<TIn, TOut> Load(CachedModel model)
    {
        var version = model.Version;
        var file = ServedModelFile.Of(version, definition.ModelFile, ".zip");
        if (version.Schema is { } schema)
        {
            var differences = ServedSchema.Missing("input", MLNetColumns.From(typeof(TIn), SchemaDefinition.Direction.Read), schema.Inputs)
                .Concat(ServedSchema.Missing("output", MLNetColumns.From(typeof(TOut), SchemaDefinition.Direction.Write), schema.Outputs))
                .ToList();
            if (differences.Count > 0)
            {
                throw Errors.ServedSchemaMismatch(version.Reference, $"{typeof(TIn).Name} -> {typeof(TOut).Name}", differences);
            }
        }

        VersionEngines<TIn, TOut>? engines = null;
        try
        {
            using (var stream = File.OpenRead(model.File(file)))
            {
                var transformer = ml.Model.Load(stream, out var inputSchema);
                engines = new VersionEngines<TIn, TOut>(ml, transformer, inputSchema);
            }

            engines.Warm(definition.WarmEngines, definition.WarmUpInput);
            return engines;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            engines?.Dispose();
            throw Errors.ServedModelUnloadable(version.Reference, file, e.Message);
        }
    }
}
