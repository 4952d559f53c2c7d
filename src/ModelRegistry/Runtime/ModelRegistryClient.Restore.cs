using ModelRegistry.Runtime;

namespace ModelRegistry;

public sealed partial class ModelRegistryClient
{
    /// <summary>
    /// Brings a project's references, its lock file and the cache into agreement in one pass: a reference the lock
    /// answers keeps its pinned version (unless <see cref="RestoreOptions.Refresh"/>), any other is resolved now; every
    /// version is pulled into the cache when missing (verified by digest, installed atomically); the lock is written
    /// when its text changes. In <see cref="RestoreOptions.LockedMode"/> nothing may change: a missing, stale or moved
    /// entry is a problem (MRB1601-MRB1603) and the lock is never written. Problems of one reference do not stop the
    /// others, so one run reports them all.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(IReadOnlyList<ReferenceRequest> references, RestoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(options);
        ReferenceRequest.EnsureDistinct(references);
        var warnings = new List<string>();
        var lockFile = ReadLock(options, warnings);
        var restored = new List<RestoredModelDocument>();
        var problems = new List<RegistryException>();
        foreach (var request in references)
        {
            try
            {
                var pinned = lockFile?.Find(request.Model);
                var (entry, change, previous) = options.LockedMode
                    ? (await VerifyPinAsync(request, pinned, options, cancellationToken), RestoreChange.Pinned, (int?)null)
                    : await ChooseAsync(request, pinned, options, cancellationToken);
                var pulled = await EnsureCachedAsync(entry, options, cancellationToken);
                restored.Add(new RestoredModelDocument(entry.Model, entry.Requested, entry.Version, entry.Digest, entry.Files, Cache.FolderOf(entry.Digest), change, previous, pulled));
            }
            catch (RegistryException e)
            {
                problems.Add(e);
            }
        }

        if (options.LockedMode)
        {
            problems.AddRange(lockFile?.Models
                .Where(m => !references.Any(r => m.Model.Equals(r.Model, StringComparison.OrdinalIgnoreCase)))
                .Select(stale => Errors.LockedModeStaleEntry(stale.Model, options.LockFile)) ?? []);
        }

        var written = false;
        try
        {
            written = problems.Count == 0 && !options.LockedMode
                && new ModelLockFile(restored.Select(m => m.Entry)).WriteIfChanged(options.LockFile);
        }
        catch (RegistryException e)
        {
            problems.Add(e);
        }

        return new RestoreReport(options.LockFile, restored, written, problems) { Warnings = warnings };
    }

    /// <summary>The lock; a refresh rewrites it, so there an unreadable one counts as absent, with a warning that
    /// says why it could not be read (a merge conflict the refresh is about to paper over is worth a look).</summary>
    private static ModelLockFile? ReadLock(RestoreOptions options, List<string> warnings)
    {
        try
        {
            return ModelLockFile.Read(options.LockFile);
        }
        catch (RegistryException e) when (options.Refresh && !options.LockedMode)
        {
            warnings.Add(Errors.UnreadableLockReplacedWarning(options.LockFile, $"{e.Code}: {e.Message}"));
            return null;
        }
    }

    /// <summary>Normal mode: keep what the lock pins unless the reference changed or a refresh was asked for.</summary>
    private async Task<(LockedModel Entry, RestoreChange Change, int? Previous)> ChooseAsync(ReferenceRequest request, LockedModel? pinned, RestoreOptions options, CancellationToken cancellationToken)
    {
        var answers = pinned is not null && pinned.Answers(request);
        if (!options.Refresh && answers)
        {
            return (pinned!, RestoreChange.Pinned, null);
        }

        var current = await ResolveAsync(request.Reference, cancellationToken);
        var entry = new LockedModel(current.Model, request.Requested, current.Version, current.Digest, current.Files);
        return answers && pinned!.Digest != current.Digest
            ? (entry, RestoreChange.Moved, pinned.Version)
            : (entry, answers ? RestoreChange.Pinned : RestoreChange.Resolved, null);
    }

    /// <summary>Locked mode: the lock must answer the reference and the registry must still agree with it.</summary>
    private async Task<LockedModel> VerifyPinAsync(ReferenceRequest request, LockedModel? pinned, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (pinned is null || !pinned.Answers(request))
        {
            throw Errors.LockedModeMissingEntry(request.Model, request.Requested, options.LockFile);
        }

        var current = await ResolveAsync(request.Reference, cancellationToken);
        return current.Digest == pinned.Digest
            ? pinned
            : throw Errors.LockedModeMismatch(pinned.Model, request.Requested, pinned.Version, pinned.Digest, current.Version, current.Digest, options.LockFile);
    }

    /// <summary>Pulls a pinned version by its digest when the cache does not hold it; true when it was pulled.</summary>
    private async Task<bool> EnsureCachedAsync(LockedModel entry, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (Cache.Holds(entry.Digest, entry.Files))
        {
            return false;
        }

        var version = await ResolveAsync($"{entry.Model}@{entry.Digest}", cancellationToken);
        if (version.Digest != entry.Digest)
        {
            throw Errors.PulledDigestMismatch(entry.Model, entry.Digest, version.Digest);
        }

        // The lock comes with the repository: a file list edited by hand would never match what the cache holds.
        if (!version.Files.OrderBy(f => f.Path, StringComparer.Ordinal).SequenceEqual(entry.Files.OrderBy(f => f.Path, StringComparer.Ordinal)))
        {
            throw ContractErrors.LockFileMalformed(options.LockFile, $"the files it lists for {entry.Model} are not those of version {version.Version}");
        }

        await PullAsync(version, cancellationToken);
        return true;
    }
}
