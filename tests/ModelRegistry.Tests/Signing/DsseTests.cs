using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelRegistry.Signing;

namespace ModelRegistry.Tests.Signing;

/// <summary>The DSSE envelope against the specification's published example, and against a verification written
/// here from the specification alone.</summary>
public sealed class DsseTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_pre_authentication_encoding_is_the_specifications_example()
    {
        // act
        var pae = Dsse.Pae("http://example.com/HelloWorld", "hello world"u8);

        // assert
        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void The_specifications_published_signature_verifies_over_our_encoding()
    {
        // arrange: the key and the result published in secure-systems-lab/dsse protocol.md, "Test Vectors"
        // (raw r||s signature over P-256 / SHA-256).
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Coordinate("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                Y = Coordinate("5640078356564379163099075877009565129882514886557779369047442380624545832820"),
            },
        });
        var signature = Convert.FromBase64String("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
        var payload = Convert.FromBase64String("aGVsbG8gd29ybGQ=");

        // act
        var valid = key.VerifyData(Dsse.Pae("http://example.com/HelloWorld", payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var other = key.VerifyData(Dsse.Pae("http://example.com/HelloWorld2", payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        // assert
        Assert.True(valid);
        Assert.False(other);
    }

    [Fact]
    public void An_envelope_we_sign_verifies_with_an_independent_verification()
    {
        // arrange
        var (privatePath, publicPath) = TestKeys.Write(temp, "release");
        using var signer = SigningKey.FromPemFile(privatePath);
        var payload = """{"_type":"https://in-toto.io/Statement/v1"}"""u8.ToArray();

        // act
        var envelope = Dsse.Sign(Dsse.InTotoPayloadType, payload, signer);
        var json = JsonSerializer.Serialize(envelope, Manifest.RegistryJson.Options);

        // assert: PAE recomputed by hand, the DER signature checked with a fresh ECDsa from the public PEM
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var body = Convert.FromBase64String(root.GetProperty("payload").GetString()!);
        var type = root.GetProperty("payloadType").GetString()!;
        var entry = root.GetProperty("signatures")[0];
        var pae = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {Encoding.UTF8.GetByteCount(type)} {type} {body.Length} ")).Concat(body).ToArray();
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(File.ReadAllText(publicPath));
        Assert.Equal(payload, body);
        Assert.Equal("application/vnd.in-toto+json", type);
        Assert.True(verifier.VerifyData(pae, Convert.FromBase64String(entry.GetProperty("sig").GetString()!), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(verifier.ExportSubjectPublicKeyInfo())), entry.GetProperty("keyid").GetString());
    }

    [Fact]
    public void A_changed_payload_or_another_key_does_not_verify()
    {
        // arrange
        var (privatePath, publicPath) = TestKeys.Write(temp, "release");
        var (_, otherPublic) = TestKeys.Write(temp, "other");
        using var signer = SigningKey.FromPemFile(privatePath);
        using var key = VerificationKey.FromPemFile(publicPath);
        using var other = VerificationKey.FromPemFile(otherPublic);
        var envelope = Dsse.Sign(Dsse.InTotoPayloadType, "{\"a\":1}"u8.ToArray(), signer);
        var flipped = Convert.FromBase64String(envelope.Payload);
        flipped[3] ^= 1;

        // act
        var genuine = Dsse.Verify(envelope, key);
        var tampered = Dsse.Verify(envelope with { Payload = Convert.ToBase64String(flipped) }, key);
        var retyped = Dsse.Verify(envelope with { PayloadType = "application/json" }, key);
        var wrongKey = Dsse.Verify(envelope with { Signatures = [envelope.Signatures[0] with { KeyId = null }] }, other);

        // assert
        Assert.NotNull(genuine);
        Assert.Null(tampered);
        Assert.Null(retyped);
        Assert.Null(wrongKey);
    }

    [Fact]
    public void The_bundle_names_the_key_as_the_model_signing_tool_does()
    {
        // arrange
        var (privatePath, publicPath) = TestKeys.Write(temp, "release");
        using var signer = SigningKey.FromPemFile(privatePath);

        // act
        var bundle = SignatureBundle.Create(Dsse.Sign(Dsse.InTotoPayloadType, "{}"u8.ToArray(), signer), signer);
        using var json = JsonDocument.Parse(bundle.ToJson());

        // assert: the hint is the SHA-256 of the public key's PEM text; no transparency-log entry
        Assert.Equal("application/vnd.dev.sigstore.bundle.v0.3+json", json.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(publicPath))), json.RootElement.GetProperty("verificationMaterial").GetProperty("publicKey").GetProperty("hint").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("verificationMaterial").GetProperty("tlogEntries").GetArrayLength());
        Assert.Equal("application/vnd.in-toto+json", json.RootElement.GetProperty("dsseEnvelope").GetProperty("payloadType").GetString());
    }

    private static byte[] Coordinate(string decimalValue)
    {
        var bytes = BigInteger.Parse(decimalValue, CultureInfo.InvariantCulture).ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
