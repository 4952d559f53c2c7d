using Microsoft.Build.Framework;
using ModelRegistry.Build.Cli;
using ModelRegistry.Build.Lock;
using ModelRegistry.Build.References;
using ModelRegistry.Errors;
using ModelRegistry.Naming;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// Brings ModelReferences, models.lock.json and the cache into agreement, running the tool only for what needs it:
/// <c>resolve</c> for a reference the lock does not answer (or every reference with Refresh or LockedMode), and
/// <c>pull</c> by digest for a pinned version missing from the cache. Writes the lock when it changed, never in
/// locked mode, where any difference between the lock and the registry fails the build (MRB1601-MRB1603).
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
        var lockFile = ReadLock();
        var cache = new ModelCacheFolder(CacheRoot);
        runner = new CliRunner(CliPath, DotNetHost, ProjectDirectory, Log);
        var resolved = new List<LockedModel>();
        foreach (var request in requests)
        {
            var pinned = lockFile?.Find(request.Model);
            var entry = LockedMode ? Verify(request, pinned) : Choose(request, pinned);
            if (entry is null)
            {
                continue;
            }

            if (!cache.Holds(entry.Digest, entry.Files) && !Pull(entry, cache))
            {
                continue;
            }

            resolved.Add(entry);
        }

        if (Log.HasLoggedErrors)
        {
            return;
        }

        if (LockedMode)
        {
            foreach (var stale in lockFile?.Models.Where(m => !requests.Any(r => m.Model.Equals(r.Model, StringComparison.OrdinalIgnoreCase))) ?? [])
            {
                Log.LogCoded(Errors.Errors.LockedModeStaleEntry(stale.Model, LockFile), ProjectFile);
            }
        }
        else if (new ModelLockFile(resolved).WriteIfChanged(LockFile))
        {
            Log.LogMessage(MessageImportance.High, $"Updated {LockFile}.");
        }

        ResolvedReferences = [.. resolved.Select(m => ModelItems.Reference(m, cache, ModelsFolder))];
        ModelFiles = [.. resolved.SelectMany(m => ModelItems.Files(m, cache, ModelsFolder))];
    }

    /// <summary>The lock; a refresh rewrites it, so there an unreadable one is only reported as replaced.</summary>
    private ModelLockFile? ReadLock()
    {
        try
        {
            return ModelLockFile.Read(LockFile);
        }
        catch (RegistryException e) when (Refresh && !LockedMode)
        {
            Log.LogMessage(MessageImportance.High, $"Replacing the unreadable lock file: {e.Message}");
            return null;
        }
    }

    /// <summary>The references, checked in the node before any process starts: names, version syntax, duplicates.</summary>
    private List<ReferenceRequest> Requests()
    {
        var requests = References.Select(ReferenceRequest.From).ToList();
        foreach (var request in requests)
        {
            if (!ModelName.IsValid(request.Model))
            {
                throw Errors.Errors.InvalidModelName(request.Model);
            }

            try
            {
                ModelReference.Parse(request.Reference);
            }
            catch (RegistryException e)
            {
                throw Errors.Errors.InvalidModelReferenceVersion(request.Model, request.Requested, e.Message);
            }
        }

        var duplicate = requests.GroupBy(r => r.Model, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? requests : throw Errors.Errors.DuplicateModelReference(duplicate.Key);
    }

    /// <summary>Normal mode: keep what the lock pins unless the reference changed or a refresh was asked for.</summary>
    private LockedModel? Choose(ReferenceRequest request, LockedModel? pinned)
    {
        if (!Refresh && pinned is not null && pinned.Answers(request))
        {
            return pinned;
        }

        var current = Resolve(request);
        if (current is null)
        {
            return null;
        }

        if (pinned is not null && pinned.Answers(request) && pinned.Digest != current.Digest)
        {
            Log.LogMessage(MessageImportance.High, $"{request.Reference} moved from version {pinned.Version} to version {current.Version} ({current.Digest}).");
        }
        else if (pinned is null || !pinned.Answers(request))
        {
            Log.LogMessage(MessageImportance.High, $"{request.Reference} resolved to version {current.Version} ({current.Digest}).");
        }

        return new LockedModel(current.Model, request.Requested, current.Version, current.Digest, current.Files);
    }

    /// <summary>Locked mode: the lock must answer the reference and the registry must still agree with it.</summary>
    private LockedModel? Verify(ReferenceRequest request, LockedModel? pinned)
    {
        if (pinned is null || !pinned.Answers(request))
        {
            Log.LogCoded(Errors.Errors.LockedModeMissingEntry(request.Model, request.Requested, LockFile), ProjectFile);
            return null;
        }

        var current = Resolve(request);
        if (current is null)
        {
            return null;
        }

        if (current.Digest != pinned.Digest)
        {
            Log.LogCoded(Errors.Errors.LockedModeMismatch(pinned.Model, request.Requested, pinned.Version, pinned.Digest, current.Version, current.Digest, LockFile), ProjectFile);
            return null;
        }

        return pinned;
    }

    private VersionDocument? Resolve(ReferenceRequest request)
    {
        var result = runner!.Run(WithRegistry(["resolve", request.Reference]));
        if (!result.Succeeded)
        {
            Log.LogFailure(result, "resolve", ProjectFile);
            return null;
        }

        Log.RelayWarnings(result, ProjectFile);
        return VersionDocument.Parse(result.StandardOutput, "resolve");
    }

    /// <summary>Pulls a pinned version by digest into a staging folder and installs it in the cache.</summary>
    private bool Pull(LockedModel model, ModelCacheFolder cache)
    {
        var staging = cache.NewStagingFolder(model.Digest);
        try
        {
            var result = runner!.Run(WithRegistry(["pull", $"{model.Model}@{model.Digest}", "--output", staging]));
            if (!result.Succeeded)
            {
                Log.LogFailure(result, "pull", ProjectFile);
                return false;
            }

            Log.RelayWarnings(result, ProjectFile);
            var pulled = VersionDocument.Parse(result.StandardOutput, "pull");
            if (pulled.Digest != model.Digest)
            {
                throw Errors.Errors.PulledDigestMismatch(model.Model, model.Digest, pulled.Digest);
            }

            cache.Install(staging, model.Digest, [.. model.Files]);
            Log.LogMessage(MessageImportance.Normal, $"Cached {model.Model} version {model.Version} in {cache.FolderOf(model.Digest)}.");
            return true;
        }
        finally
        {
            ModelCacheFolder.Discard(staging);
        }
    }

    private List<string> WithRegistry(List<string> arguments)
    {
        if (!string.IsNullOrWhiteSpace(Registry))
        {
            arguments.AddRange(["--registry", Registry.Trim()]);
        }

        return arguments;
    }
}
