using System.Security.Cryptography;
using System.Text;

namespace ModelRegistry.Signing;

/// <summary>How a public key is named. Our key id is the lowercase hex SHA-256 of the key's SubjectPublicKeyInfo DER
/// (stable whatever the PEM's line breaks). The reference <c>model_signing</c> tool names the key in a bundle by a
/// different hint: the SHA-256 of the PEM text as Python's cryptography writes it, 64-column lines and a final newline.</summary>
public static class KeyIds
{
    public static string Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The public PEM with '\n' line ends and a final newline, as the hint and the stored key file hold it.</summary>
    public static string PublicPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem().ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The <c>verificationMaterial.publicKey.hint</c> the <c>model_signing verify key</c> tool checks.</summary>
    public static string PemHint(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(PublicPem(key))));

    /// <summary>True for a well-formed key id (64 lowercase hex), the only form that is ever part of a storage path.</summary>
    public static bool IsValid(string? keyId) => keyId is { Length: 64 } && keyId.All(char.IsAsciiHexDigitLower);
}
