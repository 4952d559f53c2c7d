using System.Security.Cryptography;

namespace ModelRegistry.Signing;

/// <summary>Loading ECDSA P-256 keys from PEM. Messages name where a key came from, never what it holds.</summary>
internal static class EcdsaP256
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Imports a key from PEM text; <paramref name="isPrivate"/> says whether a private key is expected.</summary>
    public static ECDsa Import(string pem, string source, bool isPrivate)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (parameters.Curve.Oid?.Value != P256Oid)
            {
                throw Errors.SigningKeyUnreadable(source, "it is not an ECDSA key on the P-256 curve (secp256r1), the curve the signatures use");
            }

            if (isPrivate && !HasPrivateKey(key))
            {
                throw Errors.SigningKeyUnreadable(source, "it holds a public key; signing needs the private key");
            }

            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();

            // The exception's own message could quote the input: only its kind is reported.
            throw Errors.SigningKeyUnreadable(source, e is ArgumentException
                ? "it holds no unencrypted EC key in PEM form (PKCS#8 or SEC 1 for a signing key, SubjectPublicKeyInfo for a public one)"
                : "its key data is damaged");
        }
        catch (RegistryException)
        {
            key.Dispose();
            throw;
        }
    }

    public static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.SigningKeyUnreadable($"{what} '{path}'", e.GetType().Name == nameof(FileNotFoundException) ? "the file does not exist" : "the file could not be read");
        }
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
