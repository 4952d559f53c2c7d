using ModelRegistry.Manifest;
using ModelRegistry.Signing;
using ModelRegistry.Storage;

namespace ModelRegistry;

/// <summary>
/// Checks stored signatures of one registry: the bundle parses, its DSSE signature verifies under the key its path
/// names (from the trust policy, else the registry's <c>keys/</c>), and the statement signs exactly the version's files
/// or exactly the move of the revision its path names. Under a policy it also decides whether the key counts.
/// Public keys read from the registry are kept for the checker's life: one read per key. A policy judges keys for the
/// stage the version holds, since a stage can trust some of the policy's keys only.
/// </summary>
internal sealed class SignatureChecker(Registry registry, TrustPolicy? policy) : IDisposable
{
    private readonly Dictionary<string, VerificationKey?> published = new(StringComparer.Ordinal);

    /// <summary>Checks one stored signature: a registration's when <paramref name="revision"/> is null, else the signature
    /// of that revision, which must be <paramref name="move"/> (null: the revision did not move the version).</summary>
    public async Task<SignatureEntry> CheckAsync(string path, VersionInfo version, long? revision, StageMove? move, CancellationToken cancellationToken)
    {
        var keyId = RegistryPaths.SignaturePath(path)?.KeyId ?? "";
        var entry = new SignatureEntry
        {
            Kind = revision is null ? TrustPolicy.Registration : TrustPolicy.Promotion,
            KeyId = keyId,
            Path = path,
            Revision = revision,
            Stage = move?.Stage,
            Trusted = policy is null ? null : false,
        };
        var trusted = policy?.Find(keyId);
        var key = trusted?.PublicKey ?? await PublishedAsync(keyId, cancellationToken);
        if (key is null)
        {
            return entry with { Problem = $"its public key is neither in the trust policy nor stored in the registry as {RegistryPaths.SigningKey(keyId)}" };
        }

        var (statement, problem) = await ReadStatementAsync(path, key, cancellationToken);
        if (statement is null)
        {
            return entry with { Problem = problem };
        }

        var signedAt = revision is null ? ModelSignatureStatement.SignedAt(statement) : StageMoveStatement.SignedAt(statement);
        string? mismatch;
        try
        {
            mismatch = revision is null ? ModelSignatureStatement.Mismatch(statement, version)
                : move is null || move.Revision != revision ? $"revision {revision} does not move {version.Reference}"
                : StageMoveStatement.Mismatch(statement, version, move);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON kind (a number where a name goes): the statement signs nothing we can match.
            mismatch = "its statement has a field of the wrong kind";
        }

        if (mismatch is not null)
        {
            return entry with { SignedAt = signedAt, Problem = mismatch };
        }

        entry = entry with { SignedAt = signedAt, Valid = true };
        return policy is null ? entry
            : policy.WhyNotCounted(keyId, version.Stage, signedAt) is { } why ? entry with { Problem = why }
            : entry with { Trusted = true };
    }

    private async Task<(InTotoStatement? Statement, string? Problem)> ReadStatementAsync(string path, VerificationKey key, CancellationToken cancellationToken)
    {
        SignatureBundle bundle;
        try
        {
            var stored = await registry.Storage.ReadAsync(path, null, cancellationToken);
            if (stored is null)
            {
                return (null, "it is gone");
            }

            bundle = SignatureBundle.Parse(stored.Content, path);
        }
        catch (RegistryException e)
        {
            return (null, e.Message);
        }

        if (bundle.DsseEnvelope.PayloadType != Dsse.InTotoPayloadType)
        {
            return (null, $"its payload type is '{bundle.DsseEnvelope.PayloadType}', not {Dsse.InTotoPayloadType}");
        }

        return Dsse.Verify(bundle.DsseEnvelope, key) is not { } payload ? (null, $"its signature does not verify under key {key.KeyId}")
            : InTotoStatement.Parse(payload) is { } statement ? (statement, null)
            : (null, "its payload is not an in-toto Statement v1 with one subject");
    }

    private async Task<VerificationKey?> PublishedAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!published.TryGetValue(keyId, out var key))
        {
            key = KeyIds.IsValid(keyId) ? await registry.ReadPublishedKeyAsync(keyId, cancellationToken) : null;
            published[keyId] = key;
        }

        return key;
    }

    public void Dispose()
    {
        foreach (var key in published.Values)
        {
            key?.Dispose();
        }
    }
}
