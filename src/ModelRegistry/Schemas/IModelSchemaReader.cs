namespace ModelRegistry.Schemas;

/// <summary>
/// Reads the schema of one model format at registration (docs/schemas.md). The engine carries the ONNX reader; a face
/// adds others through <see cref="RegistrationRequest.SchemaReaders"/> (the CLI adds ModelRegistry.ML's ML.NET reader),
/// so the engine itself depends on no machine-learning library. A version gets a read schema only when exactly one of
/// its files is a model that some reader recognizes.
/// </summary>
public interface IModelSchemaReader
{
    /// <summary>Whether the file is a model of this reader's format. Cheap (its name, a zip's directory): it is asked of
    /// every registered file, to count the model files before any is read.</summary>
    bool IsModel(string path);

    /// <summary>The model's schema, or none and a coded warning when the model is valid but its schema cannot be read
    /// here. A damaged model throws a coded <see cref="RegistryException"/>: nothing is registered.</summary>
    SchemaReading ReadSchema(string path);
}
