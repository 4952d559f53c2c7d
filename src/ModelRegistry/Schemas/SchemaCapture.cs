namespace ModelRegistry.Schemas;

/// <summary>The schema a registration records: read from its one ONNX file, or declared, or both when they agree.</summary>
internal static class SchemaCapture
{
    public static ModelSchema? Capture(IReadOnlyList<LocalArtifact> artifacts, ModelSchema? declared)
    {
        // Several ONNX files (an encoder and a decoder) have no single schema; only a declared one is recorded.
        var onnx = artifacts.Where(a => a.VersionPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (onnx.Count != 1)
        {
            return declared;
        }

        var read = OnnxSchemaReader.Read(onnx[0].FullPath);
        if (declared is not null && !declared.SameColumns(read))
        {
            var differences = SchemaCompatibility.Compare(read, declared).Select(SchemaCompatibility.Describe);
            throw Errors.SchemaConflict(onnx[0].VersionPath, string.Join("; ", differences));
        }

        return read;
    }
}
