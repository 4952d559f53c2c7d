namespace ModelRegistry.Runtime;

/// <summary>
/// What a restore under a trust policy verified for one lock entry (docs/signing.md): the policy's fingerprint, the
/// stage the version held, and each signature that counted. A build whose policy has the same fingerprint needs
/// nothing more (no process, no read); locked mode re-judges these records offline against the policy it has now.
/// </summary>
public sealed record LockedTrust(string Policy, string Stage, IReadOnlyList<LockedSignature> Signatures);

/// <summary>One signature a restore verified: its kind (<c>registration</c> or <c>promotion</c>), the signer's key id,
/// the signing time the statement carries and, for a promotion, the revision it signs. Never key material.</summary>
public sealed record LockedSignature(string Kind, string KeyId, DateTimeOffset? SignedAt, long? Revision = null);
