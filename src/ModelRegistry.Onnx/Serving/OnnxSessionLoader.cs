using Microsoft.ML.OnnxRuntime;
using ModelRegistry.Runtime;

namespace ModelRegistry.Onnx.Serving;

/// <summary>
/// Loads one cached version into an <see cref="InferenceSession"/> (from the cached file, no copy) and checks its
/// inputs and outputs: against the version's recorded schema (both ways: a session that needs an input the schema does
/// not list is as wrong as one that lacks a listed input) and against what the service expects (MRB2201). ONNX
/// Runtime's own load errors become MRB2202. Creating the session is the warm-up: ONNX Runtime optimizes the graph then.
/// </summary>
internal sealed class OnnxSessionLoader(OnnxSessionDefinition definition)
{
    public InferenceSession Load(CachedModel model)
    {
        var version = model.Version;
        var file = ServedModelFile.Of(version, definition.ModelFile, ".onnx");
        InferenceSession session;
        try
        {
            using var options = definition.SessionOptions?.Invoke() ?? new SessionOptions();
            session = new InferenceSession(model.File(file), options);
        }
        catch (OnnxRuntimeException e)
        {
            throw Errors.ServedModelUnloadable(version.Reference, file, e.Message);
        }

        var inputs = OnnxColumns.From(session.InputMetadata);
        var outputs = OnnxColumns.From(session.OutputMetadata);
        var differences = new List<string>();
        if (version.Schema is { } recorded)
        {
            differences.AddRange(ServedSchema.Missing("recorded input", recorded.Inputs, inputs));
            differences.AddRange(ServedSchema.Missing("session input", inputs.Where(c => recorded.Inputs.All(r => r.Name != c.Name)), recorded.Inputs));
            differences.AddRange(ServedSchema.Missing("recorded output", recorded.Outputs, outputs));
        }

        if (definition.Expected is { } expected)
        {
            differences.AddRange(ServedSchema.Missing("input", expected.Inputs, inputs));
            differences.AddRange(ServedSchema.Missing("output", expected.Outputs, outputs));
        }

        if (differences.Count > 0)
        {
            session.Dispose();
            throw Errors.ServedSchemaMismatch(version.Reference, $"an ONNX Runtime session of {file}", differences);
        }

        return session;
    }
}
