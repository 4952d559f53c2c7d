using System.Text.Json;
using System.Text.Json.Serialization;
using ModelRegistry.Manifest;

namespace ModelRegistry.Signing;

/// <summary>
/// A detached signature as the registry stores it: a Sigstore bundle (v0.3, protobuf JSON spelling) holding the DSSE
/// envelope, with the public-key hint the <c>model_signing verify key</c> tool checks and no transparency-log entry,
/// which is how that tool's key-based method writes its own.
/// </summary>
public sealed record SignatureBundle(string MediaType, BundleVerificationMaterial VerificationMaterial, DsseEnvelope DsseEnvelope)
{
    public const string BundleMediaType = "application/vnd.dev.sigstore.bundle.v0.3+json";

    private static readonly JsonSerializerOptions Options = new(RegistryJson.Indented) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static SignatureBundle Create(DsseEnvelope envelope, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(BundleMediaType, new BundleVerificationMaterial(new BundlePublicKey(key.PemHint), []), envelope);
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads a stored bundle; anything that is not one is refused as damaged (MRB1104).</summary>
    public static SignatureBundle Parse(ReadOnlyMemory<byte> content, string path)
    {
        var bundle = RegistryJson.Deserialize<SignatureBundle>(content, path);
        return bundle is { MediaType: BundleMediaType, DsseEnvelope.Signatures: not null, DsseEnvelope.Payload: not null, DsseEnvelope.PayloadType: not null }
            ? bundle
            : throw Errors.CorruptEntry(path, "it is not a Sigstore v0.3 bundle holding a DSSE envelope");
    }
}

/// <summary>What a verifier needs besides the envelope: only a hint naming the public key (the key itself is trusted
/// out of band), and no transparency-log entries.</summary>
public sealed record BundleVerificationMaterial(BundlePublicKey PublicKey, IReadOnlyList<JsonElement> TlogEntries);

/// <summary>The SHA-256 of the public key's PEM text, as <c>model_signing</c> computes it.</summary>
public sealed record BundlePublicKey(string Hint);
