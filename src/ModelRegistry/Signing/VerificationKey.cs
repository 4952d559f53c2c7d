using System.Security.Cryptography;

namespace ModelRegistry.Signing;

/// <summary>An ECDSA P-256 public key that checks signatures, named by its <see cref="KeyId"/>.</summary>
public sealed class VerificationKey : IDisposable
{
    private readonly ECDsa key;

    private VerificationKey(ECDsa key)
    {
        this.key = key;
        KeyId = KeyIds.Of(key);
        PublicPem = KeyIds.PublicPem(key);
    }

    public string KeyId { get; }

    public string PublicPem { get; }

    /// <summary>A public key from PEM; a private key's PEM is accepted too and only its public half is kept.</summary>
    public static VerificationKey FromPem(string pem, string source)
    {
        using var imported = EcdsaP256.Import(pem, source, isPrivate: false);
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(imported.ExportSubjectPublicKeyInfo(), out _);
        return new VerificationKey(key);
    }

    public static VerificationKey FromPemFile(string path) => FromPem(EcdsaP256.ReadFile(path, "public key file"), $"public key file '{path}'");

    /// <summary>True when <paramref name="signature"/> is a valid DER-encoded ECDSA signature of this key over <paramref name="data"/>.</summary>
    public bool Verify(byte[] data, byte[] signature)
    {
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A signature that is not DER at all: not a valid signature, not a failure of the verifier.
            return false;
        }
    }

    public void Dispose() => key.Dispose();
}
