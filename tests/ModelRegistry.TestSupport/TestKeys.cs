using System.Security.Cryptography;

namespace ModelRegistry.TestSupport;

/// <summary>Fresh ECDSA P-256 key pairs written as PEM files, the way openssl writes them (PKCS#8 private, SPKI public).</summary>
public static class TestKeys
{
    /// <summary>Writes <c>&lt;name&gt;.pem</c> (private) and <c>&lt;name&gt;.pub</c> (public) into <paramref name="folder"/>.</summary>
    public static (string PrivatePath, string PublicPath) Write(TempFolder folder, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privatePath = folder.WriteFile($"keys/{name}.pem", key.ExportPkcs8PrivateKeyPem() + "\n");
        var publicPath = folder.WriteFile($"keys/{name}.pub", key.ExportSubjectPublicKeyInfoPem() + "\n");
        return (privatePath, publicPath);
    }
}
