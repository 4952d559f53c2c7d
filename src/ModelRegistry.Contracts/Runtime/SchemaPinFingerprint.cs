using System.Security.Cryptography;

namespace ModelRegistry.Runtime;

/// <summary>
/// Names one schema pin exactly (a ModelReference's Schema file, <c>restore --schema</c>): the SHA-256 of the file's
/// bytes with CRLF read as LF. The engine records it in the lock when a version passed the pin; the MSBuild node
/// computes it without loading the engine, and a different fingerprint (an edited pin) sends the build to a restore,
/// which checks the pin again. A file that cannot be read gets the fingerprint of no bytes: the restore reports it.
/// </summary>
public static class SchemaPinFingerprint
{
    public static string Of(string pinFile)
    {
        var full = Path.GetFullPath(pinFile);
        return Of(File.Exists(full) ? File.ReadAllBytes(full) : []);
    }

    public static string Of(byte[] pin) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(LineEnds.Lf(pin)));
}
