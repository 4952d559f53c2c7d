namespace ModelRegistry.Errors;

/// <summary>Errors of consuming models: MRB16xx. The restore of a project's references (lock file, locked mode,
/// cache) raises MRB1601-MRB1605, MRB1613 and MRB1614 in every face; the rest of MRB1601-MRB1649 are raised inside the
/// MSBuild node, MRB1650-MRB1699 by the runtime client.</summary>
public static partial class Errors
{
    public static RegistryException LockedModeMismatch(string model, string requested, int lockedVersion, string lockedDigest, int currentVersion, string currentDigest, string lockFile) => new("MRB1601",
        $"Locked mode: {model}@{requested} is version {lockedVersion} ({lockedDigest}) in '{lockFile}', but the registry now resolves it to version {currentVersion} ({currentDigest}). Restore once with a refresh (-p:ModelRegistryRefresh=true, 'model-registry restore --refresh') and commit the updated lock file, or pin the reference to an exact version.");

    public static RegistryException LockedModeMissingEntry(string model, string requested, string lockFile) => new("MRB1602",
        $"Locked mode: '{lockFile}' has no entry for {model}@{requested}, so the restore would have to change the lock file. Restore once outside locked mode (without -p:ModelRegistryLockedMode=true or --locked) and commit the lock file.");

    public static RegistryException LockedModeStaleEntry(string model, string lockFile) => new("MRB1603",
        $"Locked mode: '{lockFile}' pins {model}, which the project no longer references, so the restore would have to change the lock file. Restore once outside locked mode (without -p:ModelRegistryLockedMode=true or --locked) and commit the lock file.");

    public static RegistryException LockFileMalformed(string lockFile, string why) => new("MRB1604",
        $"Lock file '{lockFile}' cannot be read ({why}): fix it (a merge conflict?), or delete it and restore with a refresh (-p:ModelRegistryRefresh=true, 'model-registry restore --refresh') to write it again.");

    public static RegistryException DuplicateModelReference(string model) => new("MRB1605",
        $"Model '{model}' is referenced more than once: keep one reference per model (one ModelReference item, with its Version metadata).");

    public static RegistryException ModelArtifactWithoutModel(string artifact) => new("MRB1606",
        $"ModelArtifact '{artifact}' has no Model metadata: write <ModelArtifact Include=\"{artifact}\" Model=\"FraudDetection\" /> to say which model it belongs to.");

    public static RegistryException InvalidMetricThreshold(string metric, string why) => new("MRB1607",
        $"MetricThreshold '{metric}' is not valid ({why}): give Minimum=\"<number>\", Maximum=\"<number>\", or RelativeTo=\"<Stage>\" with an optional Tolerance=\"<number>\".");

    public static RegistryException AmbiguousMetrics(string model, int count) => new("MRB1608",
        $"Model '{model}' has {count} ModelMetrics files: give one, or scope each with Model=\"<name>\" metadata.");

    public static RegistryException InvalidThresholdFailure(string value) => new("MRB1609",
        $"ModelRegistryThresholdFailure is '{Printable(value)}': use Error (the default) or Warning.");

    public static RegistryException CliNotFound(string path) => new("MRB1610",
        $"The model-registry tool was not found at '{path}': the ModelRegistry.Build package is incomplete; clear it from the NuGet packages folder and restore again.");

    public static RegistryException CliFailed(string command, int exitCode) => new("MRB1611",
        $"'model-registry {command}' exited with code {exitCode} without saying why: run it by hand with the same arguments to see its output.");

    public static RegistryException CliOutputUnreadable(string command, string why) => new("MRB1612",
        $"'model-registry {command}' printed a result this package cannot read ({why}): the package and its bundled tool do not match; restore the package again.");

    public static RegistryException CacheInstallFailed(string folder, string why) => new("MRB1613",
        $"Could not place a model in the cache folder '{folder}' ({why}): check that the folder is writable, or set ModelRegistryCache to another folder.");

    public static RegistryException PulledDigestMismatch(string model, string expected, string actual) => new("MRB1614",
        $"Pulling {model} by digest {expected} returned version {actual}: the registry answered for another version; nothing was placed in the cache. Run 'model-registry verify' on the registry.");

    public static RegistryException InvalidModelReferenceVersion(string model, string version, string why) => new("MRB1615",
        $"ModelReference '{model}' has Version=\"{Printable(version)}\", which is not a version reference ({why}): use a stage (Production), an alias, a number, a semantic-version label or sha256:<64 hex>.");

    public static RegistryException ToolStartFailed(string host, string why) => new("MRB1616",
        $"Could not start '{host}' to run the model-registry tool ({why}): make sure the .NET SDK that runs this build is installed and on PATH.");

    public static RegistryException WatchStageRequired(string reference) => new("MRB1651",
        $"'{Printable(reference)}' names a fixed version, which never moves: watch a stage or an alias (FraudDetection@Production).");
}
