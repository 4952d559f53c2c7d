using ModelRegistry.Runtime;
using ModelRegistry.Signing;

namespace ModelRegistry;

public sealed partial class ModelRegistryClient
{
    /// <summary>
    /// Brings a project's references, its lock file and the cache into agreement in one pass: a reference the lock
    /// answers keeps its pinned version (unless <see cref="RestoreOptions.Refresh"/>), any other is resolved now; every
    /// version is pulled into the cache when missing (verified by digest, installed atomically); the lock is written
    /// when its text changes. In <see cref="RestoreOptions.LockedMode"/> nothing may change: a missing, stale or moved
    /// entry is a problem (MRB1601-MRB1603) and the lock is never written. Problems of one reference do not stop the
    /// others, so one run reports them all. Under the client's <see cref="Trust"/> policy every version must be accepted by
    /// it, and the lock records the policy's fingerprint and the signatures that counted (docs/signing.md).
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(IReadOnlyList<ReferenceRequest> references, RestoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(options);
        ReferenceRequest.EnsureDistinct(references);
        if (options.SchemaPins.Keys.FirstOrDefault(m => !references.Any(r => r.Model.Equals(m, StringComparison.OrdinalIgnoreCase))) is { } unreferenced)
        {
            throw Errors.SchemaPinUnreferenced(unreferenced);
        }

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
                entry = await CheckSchemaPinAsync(request, entry, options, cancellationToken);
                var pulled = await EnsureCachedAsync(entry, options, cancellationToken);
                restored.Add(new RestoredModelDocument(entry.Model, entry.Requested, entry.Version, entry.Digest, entry.Files, Cache.FolderOf(entry.Digest), change, previous, pulled) { Trust = entry.Trust, Schema = entry.Schema, SchemaPin = entry.SchemaPin });
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

    /// <summary>Normal mode: keep what the lock pins unless the reference changed, a refresh was asked for, or the trust
    /// policy no longer accepts what the lock recorded.</summary>
    private async Task<(LockedModel Entry, RestoreChange Change, int? Previous)> ChooseAsync(ReferenceRequest request, LockedModel? pinned, RestoreOptions options, CancellationToken cancellationToken)
    {
        var answers = pinned is not null && pinned.Answers(request);
        if (!options.Refresh && answers && StillTrusted(pinned!) is { } kept)
        {
            return (kept, RestoreChange.Pinned, null);
        }

        var (current, trust) = await ResolveForLockAsync(request.Reference, cancellationToken);
        var entry = new LockedModel(current.Model, request.Requested, current.Version, current.Digest, current.Files) { Trust = trust, Schema = current.Schema };
        return answers && pinned!.Digest != current.Digest
            ? (entry, RestoreChange.Moved, pinned.Version)
            : (entry, answers ? RestoreChange.Pinned : RestoreChange.Resolved, null);
    }

    /// <summary>
    /// A pinned entry as the lock may keep it without asking the registry: as it is without a policy or when it was
    /// verified under this very policy; with the policy's new fingerprint when its recorded signatures still satisfy a
    /// changed policy (judged offline); null when they do not, so the reference is resolved and verified again.
    /// </summary>
    private LockedModel? StillTrusted(LockedModel pinned)
    {
        if (Trust is null || pinned.Trust?.Policy == Trust.Fingerprint)
        {
            return pinned;
        }

        return pinned.Trust is { } recorded && Problems(recorded).Count == 0 ? pinned with { Trust = recorded with { Policy = Trust.Fingerprint } } : null;
    }

    /// <summary>What keeps a recorded verification from counting under the policy; a stage it does not cover is one.</summary>
    private List<string> Problems(LockedTrust recorded)
    {
        try
        {
            return [.. Trust!.Judge(recorded)];
        }
        catch (RegistryException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Resolves a reference; under a policy, refuses what it does not accept and says which signatures counted.</summary>
    private async Task<(VersionInfo Version, LockedTrust? Trust)> ResolveForLockAsync(string reference, CancellationToken cancellationToken)
    {
        if (Trust is null)
        {
            return (await ResolveAsync(reference, cancellationToken), null);
        }

        var (version, trust) = await Registry.ResolveTrustedAsync(reference, null, Trust, cancellationToken);
        return (version.EnsureFilesStored(), trust);
    }

    /// <summary>Locked mode: the lock must answer the reference, the registry must still agree with it and, under a policy,
    /// accept it now, and the lock's recorded verification must satisfy the policy (judged offline).</summary>
    private async Task<LockedModel> VerifyPinAsync(ReferenceRequest request, LockedModel? pinned, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (pinned is null || !pinned.Answers(request))
        {
            throw Errors.LockedModeMissingEntry(request.Model, request.Requested, options.LockFile);
        }

        var (current, _) = await ResolveForLockAsync(request.Reference, cancellationToken);
        if (current.Digest != pinned.Digest)
        {
            throw Errors.LockedModeMismatch(pinned.Model, request.Requested, pinned.Version, pinned.Digest, current.Version, current.Digest, options.LockFile);
        }

        var problems = Trust is null ? [] : pinned.Trust is { } recorded ? Problems(recorded) : ["it records no verified signatures"];
        return problems.Count == 0
            ? pinned with { Schema = current.Schema }
            : throw Errors.LockedModeTrustNotRecorded(pinned.Model, request.Requested, pinned.Version, options.LockFile, problems);
    }

    /// <summary>
    /// Checks the version against the reference's schema pin, if it has one, before anything is pulled (MRB2110,
    /// MRB2111); the entry then records the pin's fingerprint, so the MSBuild node notices an edited pin. An entry kept
    /// from a lock written before locks recorded schemas reads its version's schema by digest.
    /// </summary>
    private async Task<LockedModel> CheckSchemaPinAsync(ReferenceRequest request, LockedModel entry, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (!options.SchemaPins.TryGetValue(request.Model, out var pinFile))
        {
            return entry with { SchemaPin = null };
        }

        if (entry.Schema is null)
        {
            var version = await Registry.ResolveAsync($"{entry.Model}@{entry.Digest}", null, cancellationToken);
            entry = entry with { Schema = version.Schema };
        }

        return SchemaPin.Check(entry, request, pinFile);
    }

    /// <summary>Pulls a pinned version by its digest when the cache does not hold it; true when it was pulled.</summary>
    private async Task<bool> EnsureCachedAsync(LockedModel entry, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (Cache.Holds(entry.Digest, entry.Files))
        {
            return false;
        }

        // The policy judged the version when it was pinned (or just now); here it is only fetched by its digest.
        var version = (await Registry.ResolveAsync($"{entry.Model}@{entry.Digest}", null, cancellationToken)).EnsureFilesStored();
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
