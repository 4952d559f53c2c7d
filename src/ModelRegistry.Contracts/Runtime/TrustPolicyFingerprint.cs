using System.Security.Cryptography;
using System.Text.Json;

namespace ModelRegistry.Runtime;

/// <summary>
/// Names one trust policy exactly: the SHA-256 over the policy file's bytes followed by the bytes of every public key
/// file it names, in order, each with CRLF read as LF (a checkout on Windows must not make it another policy). The engine records it in the lock when it verifies signatures; the MSBuild node computes it
/// without loading the engine, and an equal fingerprint means the lock's verification still stands. A file that cannot
/// be read or parsed still gets a fingerprint (of what could be read): the engine reports the problem when it loads it.
/// </summary>
public static class TrustPolicyFingerprint
{
    public static string Of(string policyFile)
    {
        var full = Path.GetFullPath(policyFile);
        return Of(File.Exists(full) ? File.ReadAllBytes(full) : [], Path.GetDirectoryName(full)!);
    }

    /// <summary>The fingerprint of policy text whose public key paths are relative to <paramref name="baseFolder"/>.</summary>
    public static string Of(byte[] policy, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(LineEnds.Lf(policy));
        foreach (var keyFile in KeyFiles(policy))
        {
            var path = Path.Combine(baseFolder, keyFile);
            hash.AppendData(File.Exists(path) ? LineEnds.Lf(File.ReadAllBytes(path)) : []);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static List<string> KeyFiles(byte[] policy)
    {
        try
        {
            return TrustPolicyFile.Read(policy, ContractJson.Options)?.KeyFiles.ToList() ?? [];
        }
        catch (JsonException)
        {
            // Not a policy's shape: the bytes alone name it, and loading it fails with MRB2002.
            return [];
        }
    }
}
