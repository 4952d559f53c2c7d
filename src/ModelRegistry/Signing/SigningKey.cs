using System.Security.Cryptography;

namespace ModelRegistry.Signing;

/// <summary>
/// An ECDSA P-256 private key that signs registrations and stage moves. Read from a PEM file or from the environment
/// variable <see cref="EnvironmentVariable"/> (a CI secret). The private key never leaves this object: no property,
/// message or document exposes it.
/// </summary>
public sealed class SigningKey : IDisposable
{
    /// <summary>Holds a private key's PEM text, for CI systems that keep keys as secrets.</summary>
    public const string EnvironmentVariable = "MODEL_REGISTRY_SIGNING_KEY";

    private readonly ECDsa key;

    private SigningKey(ECDsa key)
    {
        this.key = key;
        KeyId = KeyIds.Of(key);
        PublicPem = KeyIds.PublicPem(key);
        PemHint = KeyIds.PemHint(key);
    }

    public string KeyId { get; }

    /// <summary>The public half, PEM.</summary>
    public string PublicPem { get; }

    /// <summary>The <c>model_signing</c> tool's public-key hint.</summary>
    public string PemHint { get; }

    public static SigningKey FromPem(string pem, string source) => new(EcdsaP256.Import(pem, source, isPrivate: true));

    public static SigningKey FromPemFile(string path) => FromPem(EcdsaP256.ReadFile(path, "signing key file"), $"signing key file '{path}'");

    /// <summary>The key of <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static SigningKey? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } pem ? FromPem(pem, $"${EnvironmentVariable}") : null;

    /// <summary>The key of a file when one is given, else of the environment variable, else null.</summary>
    public static SigningKey? FromFileOrEnvironment(string? path) => path is not null ? FromPemFile(path) : FromEnvironment();

    /// <summary>A DER-encoded (RFC 3279) ECDSA signature over SHA-256 of <paramref name="data"/>, as OMS and Sigstore expect.</summary>
    public byte[] Sign(byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose() => key.Dispose();
}
