namespace ModelRegistry;

/// <summary>Serving models from the registry (docs/serving.md): MRB22xx.</summary>
public static partial class Errors
{
    public static RegistryException ServedSchemaMismatch(string version, string servedAs, IReadOnlyList<string> differences) => new("MRB2201",
        $"'{version}' is not served as {servedAs}: its recorded schema does not fit ({string.Join("; ", differences)}). Serve it with classes whose columns the model has, or move the stage back to a version that fits.");

    public static RegistryException ServedModelUnloadable(string version, string file, string why) => new("MRB2202",
        $"'{version}' is not served: '{Printable(file)}' cannot be loaded ({why}). Check that the model was saved by the runtime that serves it and takes the classes it is served with.");

    public static RegistryException ServedModelFileUnknown(string version, string why) => new("MRB2203",
        $"'{version}' is not served: {why}. Name the file to load when adding the model (modelFile).");

    public static RegistryException ServedModelNotAdded(string name, IEnumerable<string> added) => new("MRB2204",
        $"No model named '{Printable(name)}' is served (added: {string.Join(", ", added.Select(a => a.Length == 0 ? "the default model" : $"'{a}'"))}). Add it with AddModel(\"{Printable(name)}\", \"<model>@<stage>\").");
}
