using System.Text.Json.Serialization;

namespace ModelRegistry.Signing;

/// <summary>The DSSE JSON envelope: the base64 payload, its type, and the signatures over their PAE.</summary>
public sealed record DsseEnvelope(string Payload, string PayloadType, IReadOnlyList<DsseSignature> Signatures);

/// <summary>One DSSE signature: base64 of the DER-encoded ECDSA signature, and the signer's key id (a hint).</summary>
public sealed record DsseSignature(string Sig, [property: JsonPropertyName("keyid")] string? KeyId);
