namespace ModelRegistry.Schemas;

/// <summary>The schema a registration records: read from its one model file (by the built-in ONNX reader or a reader the
/// request adds), or declared, or both when they agree.</summary>
internal static class SchemaCapture
{
    public static SchemaReading? Capture(IReadOnlyList<LocalArtifact> artifacts, ModelSchema? declared, IReadOnlyList<IModelSchemaReader> readers)
    {
        IModelSchemaReader[] all = [OnnxSchemaReader.Instance, .. readers];
        var models = artifacts
            .Select(a => (Artifact: a, Reader: all.FirstOrDefault(r => r.IsModel(a.FullPath))))
            .Where(m => m.Reader is not null)
            .ToList();

        // Several model files (an encoder and a decoder) have no single schema; only a declared one is recorded.
        if (models.Count != 1)
        {
            return declared is null ? null : SchemaReading.Of(declared);
        }

        var (model, reader) = models[0];
        var reading = reader!.ReadSchema(model.FullPath);
        if (reading.Schema is not { } read)
        {
            // The warning asks for a declared schema: given one, there is nothing to warn about.
            return declared is null ? reading : SchemaReading.Of(declared);
        }

        if (declared is not null && !declared.SameColumns(read))
        {
            var differences = SchemaCompatibility.Compare(read, declared).Select(SchemaCompatibility.Describe);
            throw Errors.SchemaConflict(model.VersionPath, string.Join("; ", differences));
        }

        return reading;
    }
}
