namespace ModelRegistry.Build;

/// <summary>Errors raised inside the MSBuild node by the tasks themselves (MRB1606-MRB1616, MRB1620, MRB2113-MRB2114); the tool's own errors
/// reach the build as the tool printed them. docs/errors.md lists every code.</summary>
internal static class BuildErrors
{
    public static RegistryException ModelArtifactWithoutModel(string artifact) => new("MRB1606",
        $"ModelArtifact '{artifact}' has no Model metadata: write <ModelArtifact Include=\"{artifact}\" Model=\"FraudDetection\" /> to say which model it belongs to.");

    public static RegistryException InvalidMetricThreshold(string metric, string why) => new("MRB1607",
        $"MetricThreshold '{metric}' is not valid ({why}): give Minimum=\"<number>\", Maximum=\"<number>\", or RelativeTo=\"<Stage>\" with an optional Tolerance=\"<number>\".");

    public static RegistryException AmbiguousMetrics(string model, int count) => new("MRB1608",
        $"Model '{model}' has {count} ModelMetrics files: give one, or scope each with Model=\"<name>\" metadata.");

    public static RegistryException InvalidThresholdFailure(string value) => new("MRB1609",
        $"ModelRegistryThresholdFailure is '{ContractErrors.Printable(value)}': use Error (the default) or Warning.");

    public static RegistryException CliNotFound(string path) => new("MRB1610",
        $"The model-registry tool was not found at '{path}': the ModelRegistry.Build package is incomplete; clear it from the NuGet packages folder and restore again.");

    public static RegistryException CliFailed(string command, int exitCode) => new("MRB1611",
        $"'model-registry {command}' exited with code {exitCode} without saying why: run it by hand with the same arguments to see its output.");

    public static RegistryException CliOutputUnreadable(string command, string why) => new("MRB1612",
        $"'model-registry {command}' printed a result this package cannot read ({why}): the package and its bundled tool do not match; restore the package again.");

    public static RegistryException InvalidModelReferenceVersion(string model, string version, string why) => new("MRB1615",
        $"ModelReference '{model}' has Version=\"{ContractErrors.Printable(version)}\", which is not a version reference ({why}): use a stage (Production), an alias, a number, a semantic-version label or sha256:<64 hex>.");

    public static RegistryException ToolStartFailed(string host, string why) => new("MRB1616",
        $"Could not start '{host}' to run the model-registry tool ({why}): make sure the .NET SDK that runs this build is installed and on PATH.");

    public static RegistryException InvalidModelTrust(string why) => new("MRB1620",
        $"The project's trust policy is not valid: {why}. See docs/signing.md.", ErrorKind.Usage);

    public static RegistryException ModelTypesWithoutSchema(string model, int version, string lockFile) => new("MRB2113",
        $"ModelReference '{model}' has GenerateModelTypes=\"true\", but '{lockFile}' records no schema for version {version}: register the model with its schema (an ONNX file, or register --schema), or remove GenerateModelTypes. A lock written before locks recorded schemas gets them from one restore with -p:ModelRegistryRefresh=true.");

    public static RegistryException ModelTypeUnsupported(string model, string column, string type) => new("MRB2114",
        $"ModelReference '{model}' has GenerateModelTypes=\"true\", but column '{column}' has element type '{type}', which has no C# type here: write that model's classes by hand and remove GenerateModelTypes.");
}
