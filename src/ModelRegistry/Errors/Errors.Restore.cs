namespace ModelRegistry;

/// <summary>Errors of consuming models, MRB16xx, raised by the engine: the restore of a project's references (locked
/// mode, a pull answered by another version) and the runtime client (MRB1650-MRB1699). The lock file, duplicate
/// references and the cache raise theirs from <see cref="ContractErrors"/>; the MSBuild tasks' own are in the
/// MSBuild package (MRB1606-MRB1616).</summary>
public static partial class Errors
{
    public static RegistryException LockedModeMismatch(string model, string requested, int lockedVersion, string lockedDigest, int currentVersion, string currentDigest, string lockFile) => new("MRB1601",
        $"Locked mode: {model}@{requested} is version {lockedVersion} ({lockedDigest}) in '{lockFile}', but the registry now resolves it to version {currentVersion} ({currentDigest}). Restore once with a refresh (-p:ModelRegistryRefresh=true, 'model-registry restore --refresh') and commit the updated lock file, or pin the reference to an exact version.");

    public static RegistryException LockedModeMissingEntry(string model, string requested, string lockFile) => new("MRB1602",
        $"Locked mode: '{lockFile}' has no entry for {model}@{requested}, so the restore would have to change the lock file. Restore once outside locked mode (without -p:ModelRegistryLockedMode=true or --locked) and commit the lock file.");

    public static RegistryException LockedModeStaleEntry(string model, string lockFile) => new("MRB1603",
        $"Locked mode: '{lockFile}' pins {model}, which the project no longer references, so the restore would have to change the lock file. Restore once outside locked mode (without -p:ModelRegistryLockedMode=true or --locked) and commit the lock file.");

    public static RegistryException LockedModeTrustNotRecorded(string model, string requested, int version, string lockFile, IReadOnlyList<string> problems) => new("MRB1619",
        $"Locked mode: '{lockFile}' does not record that {model}@{requested} (version {version}) meets the trust policy: {string.Join("; ", problems)}. Restore once outside locked mode (without -p:ModelRegistryLockedMode=true or --locked), so the signatures are verified and their keys recorded, and commit the lock file.", ErrorKind.GateNotMet);

    public static string UnreadableLockReplacedWarning(string lockFile, string why) =>
        $"MRB1618: The lock file '{lockFile}' could not be read, so the refresh wrote it anew from the registry; review the change before you commit it. What was wrong: {why}";

    public static RegistryException PulledDigestMismatch(string model, string expected, string actual) => new("MRB1614",
        $"Pulling {model} by digest {expected} returned version {actual}: the registry answered for another version; nothing was placed in the cache. Run 'model-registry verify' on the registry.");

    public static RegistryException WatchStageRequired(string reference) => new("MRB1651",
        $"'{Printable(reference)}' names a fixed version, which never moves: watch a stage or an alias (FraudDetection@Production).");
}
