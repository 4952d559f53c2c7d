namespace ModelRegistry;

/// <summary>The errors the contracts themselves raise (a name, a reference, a path, the lock file, the cache), one
/// factory per code, shared by the engine and every face. docs/errors.md lists every code.</summary>
public static class ContractErrors
{
    public static RegistryException InvalidModelName(string name) => new("MRB1001",
        $"'{Printable(name)}' is not a valid model name: use 1 to 128 characters from A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit.");

    public static RegistryException InvalidReference(string reference, string why) => new("MRB1002",
        $"'{Printable(reference)}' is not a valid model reference ({why}): write <model>, <model>@<version>, @<stage>, @<alias>, @<semver label> or @sha256:<64 hex>.");

    public static RegistryException InvalidLabel(string label) => new("MRB1005",
        $"'{Printable(label)}' is not a semantic-version label: write MAJOR.MINOR.PATCH with an optional -prerelease, for example 1.2.0-bert-large.");

    public static RegistryException InvalidPath(string path) => new("MRB1108",
        $"'{Printable(path)}' is not a safe relative path inside a model version.");

    public static RegistryException InvalidDuration(string text) => new("MRB1210",
        $"'{Printable(text)}' is not a duration: write a number followed by d, h, m or s (24h, 7d).", ErrorKind.Usage);

    public static RegistryException InvalidRetentionPolicy(string why) => new("MRB1231",
        $"That retention policy is refused: {why}.", ErrorKind.Usage);

    /// <summary>Control characters never reach a terminal or a log through an error message.</summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new string([.. value.Take(160).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 160 ? text + "…" : text;
    }

    public static RegistryException LockFileMalformed(string lockFile, string why) => new("MRB1604",
        $"Lock file '{lockFile}' cannot be read ({why}): fix it (a merge conflict?), or delete it and restore with a refresh (-p:ModelRegistryRefresh=true, 'model-registry restore --refresh') to write it again.");

    public static RegistryException CacheInstallFailed(string folder, string why) => new("MRB1613",
        $"Could not place a model in the cache folder '{folder}' ({why}): check that the folder is writable, or set ModelRegistryCache to another folder.");

    public static RegistryException LockFileUnwritable(string lockFile, string why) => new("MRB1617",
        $"Could not write the lock file '{lockFile}' ({why}): check that its folder is writable. The cache holds the restored versions; the next restore writes the lock.");

    public static RegistryException DuplicateModelReference(string model) => new("MRB1605",
        $"Model '{model}' is referenced more than once: keep one reference per model (one ModelReference item, with its Version metadata).");
}
