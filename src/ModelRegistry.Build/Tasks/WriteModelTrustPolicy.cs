using System.Text;
using Microsoft.Build.Framework;
using ModelRegistry.Runtime;
using ModelRegistry.Storage;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// Turns a project's trust items into the trust policy file the tool reads (docs/signing.md), in the node:
/// <c>&lt;ModelTrust Include="Production" Require="registration;promotion" Key="keys/release.pub" /&gt;</c> says what a
/// version in a stage needs (and, with Key, from which keys only); <c>&lt;ModelTrustedKey Include="keys/old.pub"
/// NotAfter="2027-01-31T00:00:00Z" /&gt;</c> trusts a key for every stage, retired at a time. A project can give a
/// policy file instead with <c>$(ModelRegistryTrustFile)</c>, never both. The file is written only when its text
/// changes, with key paths relative to it, so its fingerprint (and the lock that records it) is the same on every machine.
/// </summary>
public sealed class WriteModelTrustPolicy : Microsoft.Build.Utilities.Task
{
    public ITaskItem[] Trust { get; set; } = [];

    public ITaskItem[] TrustedKeys { get; set; } = [];

    /// <summary>$(ModelRegistryTrustFile): a policy file written by hand.</summary>
    public string? TrustFile { get; set; }

    [Required]
    public string OutputFile { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectFile { get; set; }

    /// <summary>The policy the restore obeys: the given file, the written one, or empty when the project has none.</summary>
    [Output]
    public string PolicyFile { get; private set; } = "";

    public override bool Execute()
    {
        try
        {
            PolicyFile = Policy();
        }
        catch (RegistryException e)
        {
            Log.LogCoded(e, ProjectFile);
        }

        return !Log.HasLoggedErrors;
    }

    private string Policy()
    {
        var given = string.IsNullOrWhiteSpace(TrustFile) ? null : Path.GetFullPath(Path.Combine(ProjectDirectory, TrustFile.Trim()));
        if (Trust.Length == 0 && TrustedKeys.Length == 0)
        {
            return given ?? "";
        }

        if (given is not null)
        {
            throw BuildErrors.InvalidModelTrust("the project gives both ModelRegistryTrustFile and ModelTrust items: keep one");
        }

        if (Trust.Length == 0)
        {
            throw BuildErrors.InvalidModelTrust("ModelTrustedKey items trust keys, but no ModelTrust item says which stage needs what: add <ModelTrust Include=\"Production\" Require=\"registration;promotion\" />");
        }

        var output = Path.GetFullPath(OutputFile);
        var bytes = Encoding.UTF8.GetBytes(PolicyText(Path.GetDirectoryName(output)!));
        try
        {
            ChangedFile.WriteIfChanged(output, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw BuildErrors.InvalidModelTrust($"the policy file '{output}' could not be written ({e.Message})");
        }

        return output;
    }

    private string PolicyText(string outputFolder)
    {
        // Every key file named anywhere, once, named in messages as the project wrote it; a ModelTrustedKey item gives
        // its retirement.
        var keys = new Dictionary<string, (string Name, ITaskItem? Item)>(StringComparer.Ordinal);
        foreach (var key in TrustedKeys)
        {
            keys[KeyPath(key.ItemSpec, outputFolder)] = (key.ItemSpec.Trim(), key);
        }

        var stages = new Dictionary<string, TrustPolicyStage>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in Trust)
        {
            var name = stage.ItemSpec.Trim();
            var require = Split(stage.GetMetadata("Require"));
            if (require.Length == 0)
            {
                throw BuildErrors.InvalidModelTrust($"ModelTrust '{name}' has no Require metadata: give Require=\"registration\", \"promotion\" or \"registration;promotion\"");
            }

            var only = new List<string>();
            foreach (var key in Split(stage.GetMetadata("Key")))
            {
                var path = KeyPath(key, outputFolder);
                keys.TryAdd(path, (key, null));
                only.Add(keys[path].Name);
            }

            if (!stages.TryAdd(name, new TrustPolicyStage(require, only.Count == 0 ? null : only)))
            {
                throw BuildErrors.InvalidModelTrust($"ModelTrust '{name}' is given twice: give one item per stage");
            }
        }

        if (keys.Count == 0)
        {
            throw BuildErrors.InvalidModelTrust("no key is trusted: give Key=\"<public key file>\" on a ModelTrust item or a ModelTrustedKey item");
        }

        return TrustPolicyFile.Write([.. keys.Select(k => new TrustPolicyKey(null, k.Key, k.Value.Name, NotAfter(k.Value.Item)))], stages);
    }

    private static DateTimeOffset? NotAfter(ITaskItem? item) =>
        item?.GetMetadata("NotAfter").Trim() is not { Length: > 0 } notAfter ? null
        : DateTimeOffset.TryParse(notAfter, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var retired) ? retired
        : throw BuildErrors.InvalidModelTrust($"ModelTrustedKey '{item.ItemSpec}' has NotAfter=\"{ContractErrors.Printable(notAfter)}\", which is not a time: write 2027-01-31T00:00:00Z");

    /// <summary>A key file, relative to the policy file with '/' separators (the same text on every machine).</summary>
    private string KeyPath(string value, string outputFolder)
    {
        var full = Path.GetFullPath(Path.Combine(ProjectDirectory, value.Trim()));
        return File.Exists(full)
            ? Path.GetRelativePath(outputFolder, full).Replace('\\', '/')
            : throw BuildErrors.InvalidModelTrust($"the public key file '{value.Trim()}' does not exist (looked for '{full}')");
    }

    private static string[] Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
