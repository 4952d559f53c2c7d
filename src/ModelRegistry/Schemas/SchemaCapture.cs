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
            return declared is not null ? SchemaReading.Of(declared) : models.Count == 0 ? UnreadMLNetModel(artifacts) : null;
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

    /// <summary>A warning when no reader took any file but one is an ML.NET model: a program that registers through the
    /// engine without ModelRegistry.ML's reader would otherwise record no schema without a word.</summary>
    private static SchemaReading? UnreadMLNetModel(IReadOnlyList<LocalArtifact> artifacts) =>
        artifacts.FirstOrDefault(a => MLNetModelLayout.Matches(a.FullPath)) is { } model
            ? SchemaReading.NotRead(Errors.SchemaNotReadWarning(model.VersionPath,
                "it is an ML.NET model and this registration has no ML.NET schema reader: add ModelRegistry.ML's MLNetSchemaReader to RegistrationRequest.SchemaReaders, as the CLI does"))
            : null;
}
