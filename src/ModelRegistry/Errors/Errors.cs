using System.Globalization;

namespace ModelRegistry;

/// <summary>Every error of the engine, one factory each. Codes: MRB10xx names and references, MRB11xx storage and
/// commit protocol, MRB12xx metrics and thresholds, MRB13xx stages and promotion. Other areas add their own
/// partial files (MRB14xx Azure, MRB15xx lineage, MRB16xx MSBuild, MRB17xx GitHub, MRB18xx Cake).</summary>
public static partial class Errors
{
    internal static string Num(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static RegistryException ModelNotFound(string model, string location) => new("MRB1003",
        $"Model '{model}' is not in the registry at {location}: register a version first, or check the name and the --registry location.");

    public static RegistryException VersionNotFound(string reference, string detail) => new("MRB1004",
        $"'{reference}' does not name a version: {detail}. Run 'model-registry list <model>' to see its versions.");

    public static RegistryException LabelTaken(string model, string label, int version) => new("MRB1006",
        $"Label '{label}' already names {model} version {version}: labels are unique per model; choose another label.");

    public static RegistryException InvalidAlias(string alias) => new("MRB1007",
        $"'{Printable(alias)}' is not a valid alias: use letters, digits, '.', '_' and '-', starting with a letter; it may not be a stage name, a number or 'latest'.");

    public static RegistryException InvalidTag(string tag) => new("MRB1008",
        $"'{Printable(tag)}' is not a valid tag: write key=value with a key of letters, digits, '.', '_', '-' or '/'.");

    public static RegistryException UnknownStage(string stage, IEnumerable<string> stages) => new("MRB1009",
        $"'{Printable(stage)}' is not a stage of this registry: use one of {string.Join(", ", stages)}.");

    public static RegistryException ArtifactNotFound(string path) => new("MRB1010",
        $"Artifact '{path}' does not exist: pass the path of the model file or folder that training wrote.");

    public static RegistryException NotARegistry(string location, string why) => new("MRB1011",
        $"{location} is not a model registry ({why}): point --registry at a registry, or at an empty or new folder to create one.");

    public static RegistryException UnsupportedFormat(string location, int format) => new("MRB1012",
        $"The registry at {location} uses format {format}, newer than this tool understands: update model-registry.");

    public static RegistryException ModelNameReservedOnWindows(string name) => new("MRB1030",
        $"'{Printable(name)}' is a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without an extension): a registry shared with Windows machines could not hold it. Choose another model name.");

    public static RegistryException ModelNameCaseDiffers(string name, string existing) => new("MRB1031",
        $"'{Printable(name)}' differs only by case from the model '{existing}' already in this registry: model names are unique ignoring case. Register under '{existing}'.");

    public static RegistryException ObjectTooLarge(string path, long size, long limit) => new("MRB1032",
        $"'{Printable(path)}' holds {size} bytes, more than the {limit} a registry's records, log entries and snapshots ever need: it is damaged or was put there by hand. Run 'model-registry verify' and restore it from a backup.");

    public static RegistryException RegistryInsideAnother(string location, string outer) => new("MRB1060",
        $"Cannot create a registry at {location}: it lies inside the registry at {outer}, whose maintenance (verify, gc) would treat its files as its own. Choose a location outside {outer}.");

    public static RegistryException RegistryAroundAnother(string location, string inner) => new("MRB1061",
        $"{location} is not a model registry, and it holds one at '{inner}': point --registry at that registry, or choose a location that does not enclose one.");

    public static RegistryException ReportOutputInvalid(string output, string why) => new("MRB1062",
        $"Cannot write the report into '{Printable(output)}': {why}. Choose an empty folder, or one an earlier report wrote, outside the registry.");

    public static RegistryException InvalidAsOf(string value) => new("MRB1013",
        $"'{Printable(value)}' is not a valid --as-of value: give an ISO 8601 time (2026-11-28T10:00:00Z) or a revision number.", ErrorKind.Usage);

    public static RegistryException NoArtifactFiles(string path) => new("MRB1014",
        $"'{path}' holds no files: a model version needs at least one artifact file.");

    public static RegistryException ArtifactUnreadable(string path, string why) => new("MRB1015",
        $"Artifact '{path}' cannot be read ({why}): check its permissions and that training finished writing it.");

    public static RegistryException UnsupportedLocation(string scheme) => new("MRB1016",
        $"Registry locations with the scheme '{Printable(scheme)}://' are not supported: give a folder path, a file:///absolute/path URL, or an Azure Blob Storage container URL (docs/azure.md).", ErrorKind.Usage);

    public static RegistryException OutputUnwritable(string path, string why) => new("MRB1017",
        $"Cannot write '{Printable(path)}' ({Printable(why)}): choose an output this user can write, with no file or folder of another kind in the way.");

    public static RegistryException NoRegistry(string location) => new("MRB1018",
        $"There is no registry at {location} to read: correct --registry (or $MODEL_REGISTRY); a registry is created by its first registration.");

    public static RegistryException CommitContention(string model, int attempts) => new("MRB1101",
        $"Could not commit to model '{model}' after {attempts} attempts because other writers kept committing first: retry later.");

    public static RegistryException OutcomeUnknown(string what, string path) => new("MRB1102",
        $"The outcome of {what} is unknown: the write of '{path}' failed in a way that may or may not have applied, and reading it back gave no answer. Run 'model-registry history' to see whether it landed before retrying.");

    public static RegistryException CorruptEntry(string path, string why) => new("MRB1103",
        $"Registry object '{path}' is corrupt ({why}): run 'model-registry verify' and restore it from a backup.");

    public static RegistryException DigestMismatch(string path, string expected, string actual) => new("MRB1104",
        $"'{path}' failed verification: expected {expected}, got {actual}. Nothing was written; the stored copy is damaged: run 'model-registry verify'.");

    public static RegistryException BlobMissing(string digest, string path) => new("MRB1105",
        $"The registry names file {path} ({digest}) but does not hold it: run 'model-registry verify'.");

    public static RegistryException StorageFailed(string location, string what, Exception inner) => new("MRB1106",
        $"Storage at {location} failed while {what}: {inner.Message}", ErrorKind.Failure, inner);

    public static RegistryException VerifyFailed(int problems) => new("MRB1107",
        $"Verification found {problems} problem(s) in the registry; each is listed above.");

    public static string CacheNotUpdatedWarning(string model, long revision, string why) => Warning("MRB1109",
        $"Revision {revision} of {model} has landed, but a cache after it could not be written or read ({why}): the change stands and readers stay correct (they read the revisions after the snapshot); the next write, or 'model-registry verify', brings the cache up to date.");

    public static RegistryException MetricsFileNotFound(string path) => new("MRB1201",
        $"Metrics file '{path}' does not exist: training must write it before evaluation.");

    public static RegistryException MetricsFileMalformed(string path, string why) => new("MRB1202",
        $"Metrics file '{path}' is not a valid metrics document ({why}): write a JSON object of numbers, for example {{\"auc\": 0.93}}.");

    public static RegistryException ThresholdNotMet(string rule, double actual, double bound, double margin) => new("MRB1203",
        $"Threshold '{rule}' not met: actual {Num(actual)}, bound {Num(bound)}, missed by {Num(Math.Abs(margin))}.", ErrorKind.GateNotMet);

    public static RegistryException MetricNotFinite(string path, string metric, string value) => new("MRB1204",
        $"Metric '{metric}' in '{path}' is {value}: a metric must be a finite number; fix the evaluation that produced it.");

    public static RegistryException MetricMissing(string path, string metric) => new("MRB1205",
        $"Metric '{metric}' is missing from '{path}': the threshold cannot pass without it; write it in the metrics file or remove the rule.");

    public static RegistryException InvalidThresholdRule(string rule) => new("MRB1206",
        $"'{Printable(rule)}' is not a threshold rule: write <metric><op><bound> with op one of >=, >, <=, <, ==, and a number or <Stage>[+|-<number>] as bound (auc>=0.90, auc>=Production-0.005).", ErrorKind.Usage);

    public static RegistryException BaselineMetricMissing(string metric, string baseline) => new("MRB1207",
        $"Metric '{metric}' is missing from the {baseline} version, so a rule relative to it cannot be evaluated: write the rule with a fixed bound instead.");

    public static RegistryException MetricNotANumber(string path, string metric) => new("MRB1208",
        $"Metric '{metric}' in '{path}' is not a number: thresholds compare numbers only.");

    public static RegistryException RelativeRuleNeedsModel(string rule) => new("MRB1209",
        $"Rule '{rule}' compares with a stage of a model: pass --model <name> so the stage's version can be found.", ErrorKind.Usage);

    public static RegistryException GraceTooShort(TimeSpan grace, TimeSpan minimum) => new("MRB1220",
        $"A grace period of {grace} is shorter than the minimum of {minimum}: registrations upload their files before the commit that names them, and gc must not take a file in flight. Use --grace {minimum.TotalHours.ToString(CultureInfo.InvariantCulture)}h or more.", ErrorKind.Usage);

    public static RegistryException VersionPurged(string model, int version, long revision) => new("MRB1230",
        $"{model} version {version} was purged by retention in revision {revision}: its record, metrics and lineage remain ('model-registry show {model}@{version}'), its files do not. Register the same recipe again to restore it, or use a version that is kept.");

    public static RegistryException ApprovalRequired(string model, string stage) => new("MRB1301",
        $"Promoting {model} to {stage} requires an approval: pass --approved-by <name> (a local approval), or use the GitHub gates this stage's policy names.");

    public static RegistryException PolicyNotMet(string model, string stage, string why) => new("MRB1302",
        $"Promotion of {model} to {stage} refused by the stage policy: {why}.");

    public static RegistryException NothingToRollBack(string model, string stage) => new("MRB1303",
        $"{model} has no earlier {stage} version to roll back to.");

    public static RegistryException StageHolderChanged(string what, string expected, string actual, string when) => new("MRB1310",
        $"{what} is {actual} where {expected} was expected {when}: nothing was committed. Check 'model-registry resolve', decide again, and pass --expect-current with what you saw.");

    public static RegistryException InvalidExpectedHolder(string text) => new("MRB1311",
        $"'{Printable(text)}' is not a valid --expect-current value: give the version number you expect to hold the stage, or 'none'.", ErrorKind.Usage);

    public static RegistryException ReferenceMoved(string reference, int was, int now) => new("MRB1312",
        $"'{reference}' named version {was} when this change was decided and names version {now} now: nothing was committed. Name the version by number, or run the command again.");

    public static RegistryException InvalidStageMove(string model, int version, string stage, string why) => new("MRB1304",
        $"Cannot move {model} version {version} to {stage}: {why}.");

    public static RegistryException CommandLine(string problems) => new("MRB1901",
        $"{problems} Run 'model-registry --help' or 'model-registry <command> --help' for usage.", ErrorKind.Usage);

    public static RegistryException Cancelled() => new("MRB1902",
        "The command was cancelled before it finished; anything it committed is in the history: run 'model-registry history <model>' to see it.");

    public static RegistryException GitHubStepFileUnwritable(string variable, string path, string why) => new("MRB1903",
        $"Could not write the GitHub Actions file ${variable} ('{Printable(path)}': {Printable(why)}): the command's result stands (it is on stdout); run inside a job step, where the runner provides a writable file.");

    internal static string Printable(string value) => ContractErrors.Printable(value);

    /// <summary>A coded warning as the faces print it after <c>warning </c>: <c>MRB1109: message</c>.</summary>
    private static string Warning(string code, string message) => $"{code}: {message}";
}
