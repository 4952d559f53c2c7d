using Microsoft.Build.Framework;
using ModelRegistry.Build.Cli;
using ModelRegistry.Faces;
using ModelRegistry.Build.References;
using ModelRegistry.Naming;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// Brings ModelReferences, models.lock.json and the cache into agreement when the lock and the cache are not enough
/// (CheckModelLock decides that in the node): the references are checked here, then one <c>model-registry restore</c>
/// process resolves, pulls, verifies and installs every reference and writes the lock, never in locked mode, where
/// any difference between the lock and the registry fails the build (MRB1601-MRB1603). Under a trust policy a
/// version it does not accept fails the build (MRB2005), naming each missing or wrong signature. A reference's Schema
/// metadata becomes a schema pin the version must satisfy (MRB2110, MRB2111).
/// </summary>
public sealed class RestoreModelReferences : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private CliRunner? runner;

    public ITaskItem[] References { get; set; } = [];

    [Required]
    public string LockFile { get; set; } = "";

    [Required]
    public string CacheRoot { get; set; } = "";

    public string ModelsFolder { get; set; } = "models";

    public bool Refresh { get; set; }

    public bool LockedMode { get; set; }

    /// <summary>The trust policy file every version must satisfy; empty without one.</summary>
    public string? TrustPolicy { get; set; }

    public string? Registry { get; set; }

    [Required]
    public string CliPath { get; set; } = "";

    public string? DotNetHost { get; set; }

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectFile { get; set; }

    [Output]
    public ITaskItem[] ResolvedReferences { get; private set; } = [];

    [Output]
    public ITaskItem[] ModelFiles { get; private set; } = [];

    public void Cancel() => runner?.Cancel();

    public override bool Execute()
    {
        try
        {
            Restore();
        }
        catch (RegistryException e)
        {
            Log.LogCoded(e, ProjectFile);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !Log.HasLoggedErrors;
    }

    private void Restore()
    {
        var requests = Requests();
        runner = new CliRunner(CliPath, DotNetHost, ProjectDirectory, Log);
        var result = runner.Run(Arguments(requests).Options("--schema", SchemaPins()), Registry);
        if (!result.Succeeded)
        {
            Log.LogFailure(result, "restore", ProjectFile);
            return;
        }

        Log.RelayWarnings(result, ProjectFile);
        var document = CliDocument.Parse<RestoreDocument>(result, "restore");
        foreach (var model in document.Models)
        {
            Report(model);
        }

        if (document.LockWritten)
        {
            Log.LogMessage(MessageImportance.High, $"Updated {LockFile}.");
        }

        var cache = new ModelCacheFolder(CacheRoot);
        var entries = document.Models.Select(m => m.Entry).ToList();
        ResolvedReferences = [.. entries.Select(m => ModelItems.Reference(m, cache, ModelsFolder))];
        ModelFiles = [.. entries.SelectMany(m => ModelItems.Files(m, cache, ModelsFolder))];
    }

    private void Report(RestoredModelDocument model)
    {
        var reference = $"{model.Model}@{model.Requested}";
        if (model.Change == RestoreChange.Moved)
        {
            Log.LogMessage(MessageImportance.High, $"{reference} moved from version {model.PreviousVersion} to version {model.Version} ({model.Digest}).");
        }
        else if (model.Change == RestoreChange.Resolved)
        {
            Log.LogMessage(MessageImportance.High, $"{reference} resolved to version {model.Version} ({model.Digest}).");
        }

        if (model.Pulled)
        {
            Log.LogMessage(MessageImportance.Normal, $"Cached {model.Model} version {model.Version} in {model.Path}.");
        }
    }

    /// <summary>The references, checked in the node before any process starts: names, version syntax, duplicates.</summary>
    private List<ReferenceRequest> Requests()
    {
        var requests = References.Select(ModelItems.Request).ToList();
        foreach (var request in requests)
        {
            if (!ModelName.IsValid(request.Model))
            {
                throw ContractErrors.InvalidModelName(request.Model);
            }

            try
            {
                ModelReference.Parse(request.Reference);
            }
            catch (RegistryException e)
            {
                throw BuildErrors.InvalidModelReferenceVersion(request.Model, request.Requested, e.Message);
            }
        }

        ReferenceRequest.EnsureDistinct(requests);
        return requests;
    }

    /// <summary><c>FraudDetection=/full/path/fraud.json</c> for every reference with Schema metadata.</summary>
    private IEnumerable<string> SchemaPins() =>
        References.Where(r => ModelItems.SchemaPin(r, ProjectDirectory) is not null)
            .Select(r => $"{r.ItemSpec.Trim()}={ModelItems.SchemaPin(r, ProjectDirectory)}");

    private CliCommandLine Arguments(List<ReferenceRequest> requests) =>
        new CliCommandLine(["restore", .. requests.Select(r => r.Reference)])
            .Option("--lock-file", LockFile)
            .Option("--cache", CacheRoot)
            .Flag("--refresh", Refresh && !LockedMode)
            .Flag("--locked", LockedMode)
            .Option("--trust", TrustPolicy);
}
