using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ModelRegistry;

/// <summary>One stored signature of a version, as <c>verify-signature</c>, <c>sign</c>, <c>register --sign-key</c> and
/// <c>promote --sign-key</c> report it. Public key ids only: no key material is ever part of a document.</summary>
public sealed record SignatureEntry
{
    /// <summary><c>registration</c> (the OMS statement over the version's files) or <c>promotion</c> (a stage move).</summary>
    public required string Kind { get; init; }

    /// <summary>Lowercase hex SHA-256 of the signer's SubjectPublicKeyInfo DER.</summary>
    public required string KeyId { get; init; }

    /// <summary>Where the bundle is stored, relative to the registry.</summary>
    public required string Path { get; init; }

    /// <summary>Promotion: the stage and the revision whose move it signs.</summary>
    public string? Stage { get; init; }

    public long? Revision { get; init; }

    /// <summary>The signing time the signer wrote into the signed statement.</summary>
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>True when the signature verifies under its key and signs exactly what is stored.</summary>
    public bool Valid { get; init; }

    /// <summary>Why it is not valid, or (under a trust policy) why it does not count.</summary>
    public string? Problem { get; init; }

    /// <summary>Under a trust policy: whether the key is trusted and was not retired when it signed.</summary>
    public bool? Trusted { get; init; }
}

/// <summary>What a trust policy decided about a version: what it requires for the version's stage and what is missing.</summary>
public sealed record TrustVerdict(bool Accepted, IReadOnlyList<string> Requires, IReadOnlyList<string> Problems);

/// <summary>The document of <c>verify-signature</c> and <c>sign</c>: the version, the revision that put it into its stage,
/// every signature stored for it, and the trust policy's verdict when one was given.</summary>
public sealed record SignatureDocument : VersionInfo
{
    [JsonConstructor]
    public SignatureDocument()
    {
    }

    [SetsRequiredMembers]
    public SignatureDocument(VersionInfo version)
        : base(version)
    {
    }

    /// <summary>The revision that moved the version into <see cref="VersionInfo.Stage"/>; absent for a version never moved.</summary>
    public long? StageRevision { get; init; }

    public IReadOnlyList<SignatureEntry> Signatures { get; init; } = [];

    /// <summary><c>sign</c>: the signature it stored, or the equal one it found stored already.</summary>
    public SignatureEntry? Added { get; init; }

    /// <summary>The trust policy's verdict (<c>--trust</c>).</summary>
    public TrustVerdict? Trust { get; init; }
}
