using System.Globalization;
using System.Text;

namespace ModelRegistry.Signing;

/// <summary>
/// The Dead Simple Signing Envelope (secure-systems-lab/dsse, protocol v1): what is signed is the pre-authentication
/// encoding of the payload type and the payload bytes, never the JSON around them, so the type is authenticated too
/// and nothing depends on how JSON is written.
/// </summary>
public static class Dsse
{
    /// <summary>The payload type of an in-toto statement.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary><c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, lengths in ASCII decimal bytes.</summary>
    public static byte[] Pae(string payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {payload.Length} "));
        return [.. header, .. type, .. middle, .. payload];
    }

    /// <summary>An envelope with one signature of <paramref name="key"/> over <paramref name="payload"/>.</summary>
    public static DsseEnvelope Sign(string payloadType, byte[] payload, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(Pae(payloadType, payload));
        return new DsseEnvelope(Convert.ToBase64String(payload), payloadType, [new DsseSignature(Convert.ToBase64String(signature), key.KeyId)]);
    }

    /// <summary>The payload when one of the envelope's signatures is valid under <paramref name="key"/>, else null.
    /// The payload returned is the very bytes that were verified, never a re-parse of the envelope.</summary>
    public static byte[]? Verify(DsseEnvelope envelope, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(key);
        if (Base64(envelope.Payload) is not { } payload)
        {
            return null;
        }

        var pae = Pae(envelope.PayloadType, payload);
        foreach (var signature in envelope.Signatures)
        {
            // The key id is an unauthenticated hint: it only narrows the keys tried, it never decides.
            if (signature.KeyId is { Length: > 0 } hint && hint != key.KeyId)
            {
                continue;
            }

            if (Base64(signature.Sig) is { } bytes && key.Verify(pae, bytes))
            {
                return payload;
            }
        }

        return null;
    }

    /// <summary>Standard or URL-safe base64, both of which DSSE verifiers must accept; null when neither.</summary>
    internal static byte[]? Base64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
