using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Runtime;
using ModelRegistry.Signing;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Adds a signature to a version: over its registration (the OMS statement over its files) or, with
    /// <paramref name="stageMove"/>, over the revision that moved it into the stage it holds. Signatures are create-only
    /// objects (docs/signing.md): one per key and subject, added later if need be, never replaced.
    /// </summary>
    public async Task<SignatureDocument> SignAsync(string reference, SigningKey key, bool stageMove, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, null, cancellationToken);
        var version = await ResolveAsync(view, parsed, cancellationToken);
        var added = stageMove
            ? await SignStageMoveAsync(view, version, null, key, cancellationToken)
            : await SignRegistrationAsync(version, key, cancellationToken);
        return await SignaturesAsync(view, version, null, cancellationToken) with { Added = added };
    }

    /// <summary>Signs a version's registration: every file's name and digest as the registry stores them.</summary>
    public Task<SignatureEntry> SignRegistrationAsync(VersionInfo version, SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(key);
        var path = RegistryPaths.RegistrationSignature(KeyOf(version.Model), version.Version, key.KeyId);
        return StoreSignatureAsync(path, ModelSignatureStatement.Create(version, DateTimeOffset.UtcNow), key, version, null, cancellationToken);
    }

    /// <summary>
    /// Signs the move a promotion committed (or, when the version already held the stage, the move that put it there),
    /// when the promotion passed and a key is given. Every promotion path signs through here: the plain one, the
    /// GitHub gates (after they report the deployment) and rollbacks. Signed after the commit, whose revision the
    /// signature names; see RegisterAsync for a crash in between.
    /// </summary>
    public async Task<PromotionResult> SignPromotionAsync(PromotionResult result, SigningKey? key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Evaluation.Passed && key is not null
            ? result with { Signature = await SignStageMoveAsync(result.Version, result.Entry, key, cancellationToken) }
            : result;
    }

    /// <summary>Signs the move that put a version into its stage: <paramref name="move"/> when the caller just committed
    /// it, else the revision found in the log.</summary>
    public async Task<SignatureEntry> SignStageMoveAsync(VersionInfo version, LogEntry? move, SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var view = await Log.LoadAsync(KeyOf(version.Model), cancellationToken);
        return await SignStageMoveAsync(view, version, move, key, cancellationToken);
    }

    private async Task<SignatureEntry> SignStageMoveAsync(ModelView view, VersionInfo version, LogEntry? move, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        move ??= await FindStageMoveAsync(view, version, cancellationToken) ?? throw Errors.NoStageMove(version.Model, version.Version, version.Stage);
        var path = RegistryPaths.StageSignature(view.Key, version.Version, move.Revision, key.KeyId);
        return await StoreSignatureAsync(path, StageMoveStatement.Create(version, move, DateTimeOffset.UtcNow), key, version, move, cancellationToken);
    }

    /// <summary>Every signature stored for a version, each checked, and a trust policy's verdict when one is given.</summary>
    public async Task<SignatureDocument> VerifySignaturesAsync(string reference, AsOf? asOf = null, TrustPolicy? policy = null, CancellationToken cancellationToken = default) =>
        (await LoadSignaturesAsync(reference, asOf, policy, cancellationToken)).Document;

    /// <summary>Resolves a reference; under a trust policy, refuses (MRB2005, MRB2006) a version the policy does not accept.
    /// The files a pull then downloads are checked against the digests the registration signature covers.</summary>
    public async Task<VersionInfo> ResolveAsync(string reference, AsOf? asOf, TrustPolicy? policy, CancellationToken cancellationToken = default)
    {
        if (policy is null)
        {
            return await ResolveAsync(reference, asOf, cancellationToken);
        }

        return (await ResolveTrustedAsync(reference, asOf, policy, cancellationToken)).Version;
    }

    /// <summary>
    /// Resolves a reference under a trust policy, refusing (MRB2005, MRB2006) a version it does not accept, and says what
    /// made it acceptable: the signatures that counted, as the lock file records them.
    /// </summary>
    public async Task<(VersionInfo Version, LockedTrust Trust)> ResolveTrustedAsync(string reference, AsOf? asOf, TrustPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (version, document) = await LoadSignaturesAsync(reference, asOf, policy, cancellationToken, decisionOnly: true);
        if (document.Trust is not { Accepted: true })
        {
            throw Errors.NotTrusted(reference, version.Stage, document.Trust?.Problems ?? []);
        }

        var counted = Current(document.Signatures, document.StageRevision).Where(s => policy.WhyNotCounted(s.KeyId, version.Stage, s.SignedAt) is null);
        return (version, new LockedTrust(policy.Fingerprint, version.Stage, [.. counted]));
    }

    private async Task<(VersionInfo Version, SignatureDocument Document)> LoadSignaturesAsync(string reference, AsOf? asOf, TrustPolicy? policy, CancellationToken cancellationToken, bool decisionOnly = false)
    {
        var parsed = ModelReference.Parse(reference);
        var view = await LoadModelAsync(parsed.Model, asOf, cancellationToken);
        var version = await ResolveAsync(view, parsed, cancellationToken);
        return (version, await SignaturesAsync(view, version, policy, cancellationToken, decisionOnly));
    }

    /// <summary>The version's stored signatures, each checked. With <paramref name="decisionOnly"/> (a resolve under a
    /// policy) the signatures of earlier moves, which can never count, are skipped unread: one listing and one small read
    /// per signature that can count.</summary>
    private async Task<SignatureDocument> SignaturesAsync(ModelView view, VersionInfo version, TrustPolicy? policy, CancellationToken cancellationToken, bool decisionOnly = false, ModelMoves? moves = null)
    {
        var move = moves is null ? await CurrentMoveAsync(view, version, cancellationToken) : moves.Current(version);
        using var checker = new SignatureChecker(this, policy);
        var signatures = new List<SignatureEntry>();
        await foreach (var item in Storage.ListAsync(RegistryPaths.VersionSignatures(view.Key, version.Version), cancellationToken))
        {
            if (RegistryPaths.SignaturePath(item.Path) is not { } named || named.Version != version.Version
                || (decisionOnly && named.Revision is { } earlier && earlier != move?.Revision))
            {
                continue;
            }

            var signed = named.Revision is not { } revision ? null
                : revision == move?.Revision ? move
                : StageMoveStatement.MoveOf(moves is null ? await ReadMoveAsync(view, revision, cancellationToken) : moves.At(revision), version.Version);
            signatures.Add(await checker.CheckAsync(item.Path, version, named.Revision, signed, cancellationToken));
        }

        var document = new SignatureDocument(version) { StageRevision = move?.Revision, Signatures = signatures };
        return policy is null ? document : document with { Trust = Decide(version, move, policy, signatures) };
    }

    /// <summary>The policy's verdict (<see cref="TrustPolicy.Unmet"/>, the rule a lock's records are judged by too) over the
    /// signatures that verified and sign what the version is now; the problems say what each signature seen lacked.</summary>
    private static TrustVerdict Decide(VersionInfo version, StageMove? move, TrustPolicy policy, List<SignatureEntry> signatures)
    {
        var problems = policy.Unmet(version.Stage, Current(signatures, move?.Revision)).Select(kind =>
            kind == TrustPolicy.Registration
                ? $"the registration of {version.Reference} is not signed by a trusted key{Seen(signatures, TrustPolicy.Registration, null)}"
                : move is null
                    ? $"{version.Reference} was never moved into {version.Stage}, so no signed move can put it there"
                    : $"the move of {version.Reference} into {version.Stage} (revision {move.Revision}) is not signed by a trusted key{Seen(signatures, TrustPolicy.Promotion, move.Revision)}");
        var verdict = problems.ToList();
        return new TrustVerdict(verdict.Count == 0, policy.Requirements(version.Stage), verdict);
    }

    /// <summary>The signatures that verified and sign what the version is now: its files, and the move into the stage it
    /// holds (<paramref name="moveRevision"/>), as a lock records them.</summary>
    private static IEnumerable<LockedSignature> Current(IEnumerable<SignatureEntry> signatures, long? moveRevision) =>
        signatures.Where(s => s.Valid && (s.Kind == TrustPolicy.Registration || (s.Revision is not null && s.Revision == moveRevision)))
            .Select(s => new LockedSignature(s.Kind, s.KeyId, s.SignedAt, s.Revision));

    /// <summary>What the signatures of that kind that did not count say, for the message.</summary>
    private static string Seen(List<SignatureEntry> signatures, string kind, long? revision)
    {
        var seen = signatures.Where(s => s.Kind == kind && (revision is null || s.Revision == revision)).Select(s => $"key {s.KeyId}: {s.Problem}").ToList();
        return seen.Count == 0 ? " (no signature is stored)" : $" ({string.Join("; ", seen)})";
    }

    /// <summary>The move that put <paramref name="version"/> into the stage it holds: from the state when it holds a
    /// single-version stage (no read), else found in the log.</summary>
    private async Task<StageMove?> CurrentMoveAsync(ModelView view, VersionInfo version, CancellationToken cancellationToken) =>
        view.State.Stages.TryGetValue(version.Stage, out var holder) && holder == version.Version && view.State.StageMoves.TryGetValue(version.Stage, out var revision)
            ? new StageMove(revision, version.Stage)
            : StageMoveStatement.MoveOf(await FindStageMoveAsync(view, version, cancellationToken), version.Version);

    /// <summary>
    /// The revision that moved <paramref name="version"/> into the stage it holds in <paramref name="view"/>, or null when
    /// none did (a version still in None). Read backwards from the view's revision, by the rule the report's
    /// <see cref="ModelMoves"/> folds forwards: the move is usually among the last few. It is the latest such revision
    /// that counts, so an unsigned move back into a stage is never covered by the signature of an earlier one.
    /// </summary>
    internal async Task<LogEntry?> FindStageMoveAsync(ModelView view, VersionInfo version, CancellationToken cancellationToken)
    {
        for (var revision = view.Revision; revision >= 1; revision--)
        {
            if (await ReadMoveAsync(view, revision, cancellationToken) is { } entry && ModelMoves.Touches(entry, version.Version) is { } moves)
            {
                return moves && ModelMoves.Counting(entry, version) is not null ? entry : null;
            }
        }

        return null;
    }

    private async Task<LogEntry?> ReadMoveAsync(ModelView view, long revision, CancellationToken cancellationToken) =>
        view.Tail.FirstOrDefault(e => e.Revision == revision) ?? (revision <= view.Revision ? await Log.ReadEntryAsync(view.Key, revision, cancellationToken) : null);

    private async Task<SignatureEntry> StoreSignatureAsync(string path, InTotoStatement statement, SigningKey key, VersionInfo version, LogEntry? move, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await PublishKeyAsync(key.KeyId, key.PublicPem, cancellationToken);
        var bytes = SignatureBundle.Create(Dsse.Sign(Dsse.InTotoPayloadType, statement.ToJson(), key), key).ToJson();
        CreateOutcome outcome;
        try
        {
            outcome = await Storage.CreateAsync(path, bytes, cancellationToken);
        }
        catch (StorageOutcomeUnknownException)
        {
            // Read back: our own bytes mean it landed; anything else is judged below as an existing signature.
            outcome = CreateOutcome.AlreadyExists;
        }

        using var checker = new SignatureChecker(this, null);
        var entry = await checker.CheckAsync(path, version, move?.Revision, StageMoveStatement.MoveOf(move, version.Version), cancellationToken);
        if (outcome == CreateOutcome.Created)
        {
            return entry;
        }

        var stored = await Storage.ReadAsync(path, null, cancellationToken) ?? throw Errors.OutcomeUnknown("writing a signature", path);
        if (stored.Content.Span.SequenceEqual(bytes))
        {
            return entry;
        }

        // One signature per key and subject: an equal one (the same key over the same files or move) stands, and a
        // re-run of a signing build step is a no-op; anything else there is never replaced.
        return entry.Valid ? entry : throw Errors.SignatureExists(path, entry.Problem ?? "it does not verify");
    }

    /// <summary>Stores the signer's public key under its id, create-only, so a policy can trust the key by id alone.</summary>
    private async Task PublishKeyAsync(string keyId, string publicPem, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.SigningKey(keyId);
        try
        {
            await Storage.CreateAsync(path, System.Text.Encoding.ASCII.GetBytes(publicPem), cancellationToken);
        }
        catch (StorageOutcomeUnknownException)
        {
            if (await Storage.GetInfoAsync(path, cancellationToken) is null)
            {
                throw Errors.OutcomeUnknown("writing a signer's public key", path);
            }
        }
    }

    /// <summary>The public key stored under <paramref name="keyId"/>, used only if it hashes to that id; else null.</summary>
    internal async Task<VerificationKey?> ReadPublishedKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var stored = await Storage.ReadAsync(RegistryPaths.SigningKey(keyId), null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            var key = VerificationKey.FromPem(System.Text.Encoding.ASCII.GetString(stored.Content.Span), RegistryPaths.SigningKey(keyId));
            if (key.KeyId == keyId)
            {
                return key;
            }

            key.Dispose();
            return null;
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}
