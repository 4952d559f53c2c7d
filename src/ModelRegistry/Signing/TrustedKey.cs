using ModelRegistry.Runtime;

namespace ModelRegistry.Signing;

/// <summary>
/// A key a trust policy accepts. Given by a public key file, its id is computed; given by id alone, the public key is
/// read from the registry (<c>keys/&lt;id&gt;.pem</c>) and used only if it hashes to that id. A key with
/// <see cref="NotAfter"/> is retired: signatures it made after that time do not count.
/// </summary>
public sealed class TrustedKey : IDisposable
{
    private TrustedKey(string keyId, string? name, DateTimeOffset? notAfter, VerificationKey? publicKey)
    {
        KeyId = keyId;
        Name = name;
        NotAfter = notAfter;
        PublicKey = publicKey;
    }

    public string KeyId { get; }

    public string? Name { get; }

    public DateTimeOffset? NotAfter { get; }

    /// <summary>The key from the policy's own file, or null when the policy gave only its id.</summary>
    public VerificationKey? PublicKey { get; }

    /// <summary>How messages name the key.</summary>
    public string Display => Name is null ? KeyId : $"{Name} ({KeyId})";

    /// <summary>Whether a signature made at <paramref name="signedAt"/> counts: the key was not retired then.</summary>
    public bool ValidAt(DateTimeOffset signedAt) => NotAfter is not { } retired || signedAt <= retired;

    internal static TrustedKey From(TrustPolicyKey entry, string source, string baseFolder)
    {
        if (entry.PublicKey is null)
        {
            return KeyIds.IsValid(entry.Id)
                ? new TrustedKey(entry.Id!, entry.Name, entry.NotAfter, null)
                : throw Errors.TrustFileInvalid(source, $"key '{entry.Name ?? entry.Id}' needs \"publicKey\" (a PEM file) or an \"id\" of 64 lowercase hex digits");
        }

        var key = VerificationKey.FromPemFile(Path.Combine(baseFolder, entry.PublicKey));
        if (entry.Id is not null && entry.Id != key.KeyId)
        {
            key.Dispose();
            throw Errors.TrustFileInvalid(source, $"key '{entry.Name ?? entry.PublicKey}' gives id {entry.Id}, but its public key file has id {key.KeyId}");
        }

        return new TrustedKey(key.KeyId, entry.Name, entry.NotAfter, key);
    }

    public void Dispose() => PublicKey?.Dispose();
}
