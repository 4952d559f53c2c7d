using System.Security.Cryptography;

namespace ModelRegistry.Content;

/// <summary>Digests in the registry's one spelling: <c>sha256:</c> and 64 lower-case hex digits.</summary>
public static class Sha256Digest
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static string Format(ReadOnlySpan<byte> hash) => Prefix + Convert.ToHexStringLower(hash);

    public static string Hex(string digest) => digest.StartsWith(Prefix, StringComparison.Ordinal) ? digest[Prefix.Length..] : digest;

    public static bool IsValid(string? digest) =>
        digest is { Length: 71 } && digest.StartsWith(Prefix, StringComparison.Ordinal) && digest[7..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Hashes a file by streaming it.</summary>
    public static async Task<(string Digest, long Size)> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (Format(hash), stream.Length);
    }
}
