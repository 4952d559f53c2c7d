namespace ModelRegistry;

/// <summary>Model schemas (docs/schemas.md): MRB21xx.</summary>
public static partial class Errors
{
    public static RegistryException OnnxUnreadable(string path, string why) => new("MRB2101",
        $"'{Printable(path)}' is not a readable ONNX model ({why}), so its schema cannot be read: nothing was registered. Export the model again, or register it under another file name if it is not ONNX.");

    public static RegistryException SchemaFileInvalid(string path, string why) => new("MRB2102",
        $"Schema file '{Printable(path)}' is not valid: {why}. Write {{\"inputs\": [{{\"name\": ..., \"type\": ..., \"shape\": [...]}}], \"outputs\": [...]}} (docs/schemas.md).", ErrorKind.Usage);

    public static RegistryException SchemaConflict(string modelFile, string differences) => new("MRB2103",
        $"The schema given with --schema differs from the one read from '{Printable(modelFile)}' ({differences}): nothing was registered. Leave out --schema, or fix it to match the model.", ErrorKind.Usage);

    public static RegistryException SchemaIncompatible(string reference, string stage, string holder, IReadOnlyList<string> breaking) => new("MRB2104",
        $"'{reference}' cannot move to {stage}: stage policy requireCompatibleSchema is set and its schema breaks {holder}'s: {string.Join("; ", breaking)}. Fix the model, or pass --allow-breaking-schema \"<reason>\" to promote it anyway (the reason is recorded).", ErrorKind.GateNotMet);

    public static RegistryException MLNetModelUnreadable(string path, string why) => new("MRB2105",
        $"'{Printable(path)}' has the layout of an ML.NET model but cannot be loaded ({Printable(why)}), so its schema cannot be read: nothing was registered. Save the model again (MLContext.Model.Save), or register it under another file name if it is not an ML.NET model.");

    public static string SchemaNotReadWarning(string path, string why) => Warning("MRB2106",
        $"The schema of '{Printable(path)}' was not read ({Printable(why)}); the version is registered without one. Declare it with register --schema <file> (docs/schemas.md) if consumers or a stage policy need it.");

    public static RegistryException SchemaPinBroken(string reference, int version, string pinFile, IReadOnlyList<string> differences) => new("MRB2110",
        $"{reference} resolves to version {version}, whose schema breaks the schema pin '{Printable(pinFile)}': {string.Join("; ", differences)}. Nothing was installed and the lock file was not changed. Update the service and its pin to the new schema, or pin the reference to a version that matches.", ErrorKind.GateNotMet);

    public static RegistryException SchemaPinMissing(string reference, int version, string pinFile) => new("MRB2111",
        $"{reference} resolves to version {version}, which records no schema, so it cannot be checked against the schema pin '{Printable(pinFile)}' (schemaMissing). Nothing was installed and the lock file was not changed. Register the model with its schema (an ONNX file, or register --schema), or remove the pin.", ErrorKind.GateNotMet);

    public static RegistryException SchemaPinUnreferenced(string model) => new("MRB2112",
        $"A schema pin names '{Printable(model)}', which is not among the references restored: pin only a model the project references (--schema <model>=<file>).", ErrorKind.Usage);
}
