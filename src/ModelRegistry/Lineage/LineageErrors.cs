namespace ModelRegistry.Lineage;

/// <summary>Lineage capture and lineage queries: MRB1501-MRB1549 are errors, MRB1550-MRB1599 are warnings recorded
/// in <see cref="Recipes.Recipe.Warnings"/> as <c>MRB15xx: message</c> and printed by the faces.</summary>
public static class LineageErrors
{
    public static RegistryException DataInputNotFound(string input) => new("MRB1501",
        $"Data input '{ContractErrors.Printable(input)}' does not exist: pass the path of a file or folder that training read, or a URI.");

    public static RegistryException DataUnreadable(string path, string why) => new("MRB1502",
        $"Data file '{ContractErrors.Printable(path)}' cannot be read ({why}): only regular files and symbolic links can be recorded; remove it from the data folder, or fix its permissions, then register again.");

    public static RegistryException ConfigFileNotFound(string path) => new("MRB1503",
        $"Config file '{ContractErrors.Printable(path)}' does not exist: pass the path of a configuration file that training read.");

    public static RegistryException ConfigFileUnreadable(string path, string why) => new("MRB1504",
        $"Config file '{ContractErrors.Printable(path)}' cannot be read ({why}): check that it is a regular file and that its permissions let this user read it.");

    public static RegistryException SecretEnvironmentVariable(string name) => new("MRB1505",
        $"Environment variable '{ContractErrors.Printable(name)}' looks like it holds a secret (its name mentions a token, key, password, secret or credential), so it is never recorded: record a non-secret variable instead.", ErrorKind.Usage);

    public static RegistryException InvalidEnvironmentVariableName(string name) => new("MRB1506",
        $"'{ContractErrors.Printable(name)}' is not an environment variable name: pass a name only (--env SEED), never NAME=value.", ErrorKind.Usage);

    public static RegistryException InvalidDataInput(string input, string why) => new("MRB1507",
        $"'{ContractErrors.Printable(input)}' is not a data input ({why}): pass a local path or an absolute URI.", ErrorKind.Usage);

    public static RegistryException AsOfRevisionNeedsModel(string asOf) => new("MRB1508",
        $"--as-of {ContractErrors.Printable(asOf)} is a revision number, which counts one model's history: name the model with --model, or give a time (2026-11-28T10:00:00Z).", ErrorKind.Usage);

    public static RegistryException LineageQueryAmbiguous() => new("MRB1509",
        "lineage needs exactly one of a version reference (lineage FraudDetection@Production) or --dataset <path, URI or digest>.", ErrorKind.Usage);

    public static string NotARepositoryWarning(string directory) => Warning("MRB1551",
        $"'{ContractErrors.Printable(directory)}' is not inside a git repository: the code that trained this model is not recorded. Register from the training repository's checkout to record it.");

    public static string ShallowCloneWarning(string root) => Warning("MRB1552",
        $"The repository at '{ContractErrors.Printable(root)}' is a shallow clone: the commit is recorded, but its history and tags may be missing. Fetch full history (actions/checkout with fetch-depth: 0) for complete lineage.");

    public static string RepositoryUnreadableWarning(string directory, string why) => Warning("MRB1553",
        $"The git repository at '{ContractErrors.Printable(directory)}' could not be read ({why}): the code is not recorded. If the checkout belongs to another user, add it to git's safe.directory.");

    public static string NoCommitsWarning(string root) => Warning("MRB1554",
        $"The repository at '{ContractErrors.Printable(root)}' has no commit yet: the code is recorded only as uncommitted changes. Commit the training code first.");

    public static string BlobNotReachableWarning(string uri, string why) => Warning("MRB1555",
        $"Blob '{ContractErrors.Printable(uri)}' could not be read ({why}): it is recorded as given, without ETag or content hash. Give read access (a SAS in the URI, or AZURE_STORAGE_CONNECTION_STRING for its account) to record its version.");

    public static string LinksOutsideFolderWarning(string folder, int count, string example) => Warning("MRB1556",
        $"Data folder '{ContractErrors.Printable(folder)}' has {count} symbolic link(s) pointing outside it (for example '{ContractErrors.Printable(example)}'): they are recorded by their target path and never followed, so the content they point to is not part of the digest. Declare the target as its own --data input to record it.");

    public static string EnvironmentVariableNotSetWarning(string name) => Warning("MRB1557",
        $"Environment variable '{ContractErrors.Printable(name)}' was asked for with --env but is not set: it is not recorded.");

    public static string ContainerImageNotPinnedWarning(string image) => Warning("MRB1558",
        $"Container image '{ContractErrors.Printable(image)}' is not pinned by digest: a tag can move. Give it as name@sha256:<digest> to record exactly which image trained the model.");

    public static string ConfigNotInlinedWarning(string path, string why) => Warning("MRB1559",
        $"Config file '{ContractErrors.Printable(path)}' is recorded by digest only, not inlined ({why}).");

    private static string Warning(string code, string message) => $"{code}: {message}";
}
