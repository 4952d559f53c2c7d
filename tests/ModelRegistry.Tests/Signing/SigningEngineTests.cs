using System.Security.Cryptography;
using System.Text;
using ModelRegistry.Manifest;
using ModelRegistry.Signing;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Signing;

/// <summary>The engine's signatures on a real folder registry: what they sign, how they are stored, key rotation.</summary>
public sealed class SigningEngineTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private TrustPolicy Policy(string keys, string stages = """{ "Production": ["registration", "promotion"], "*": ["registration"] }""") =>
        TrustPolicy.Parse($$"""{ "keys": [{{keys}}], "stages": {{stages}} }""", "trust.json", harness.Temp.Path);

    [Fact]
    public async Task The_registration_statement_lists_every_file_and_a_root_digest_over_their_digests()
    {
        // arrange
        var registry = await harness.OpenAsync();
        var folder = harness.Artifact("model/b.bin", "bbb");
        harness.Artifact("model/a.bin", "aaa");
        var version = (await registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [Path.GetDirectoryName(folder)!] })).Version!;

        // act
        var statement = ModelSignatureStatement.Create(version, DateTimeOffset.UtcNow);

        // assert: resources in name order; subject digest = sha256 over the raw file digests in that order
        var resources = statement.Predicate["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        var expectedRoot = Convert.ToHexStringLower(SHA256.HashData([.. SHA256.HashData("aaa"u8), .. SHA256.HashData("bbb"u8)]));
        Assert.Equal(["a.bin", "b.bin"], resources);
        Assert.Equal(expectedRoot, statement.SubjectSha256);
        Assert.Equal("https://model_signing/signature/v1.0", statement.PredicateType);
        Assert.Equal("files", statement.Predicate["serialization"]!["method"]!.GetValue<string>());
        Assert.Null(ModelSignatureStatement.Mismatch(InTotoStatement.Parse(statement.ToJson())!, version));
    }

    [Fact]
    public async Task A_signature_is_never_replaced_and_signing_again_with_the_same_key_is_a_no_op()
    {
        // arrange
        var (privatePath, _) = TestKeys.Write(harness.Temp, "release");
        using var key = SigningKey.FromPemFile(privatePath);
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "Fraud", "v1");
        var first = await registry.SignAsync("Fraud@1", key, stageMove: false);
        var path = Path.Combine(harness.Root, first.Added!.Path);
        var stored = File.ReadAllBytes(path);

        // act
        var again = await registry.SignAsync("Fraud@1", key, stageMove: false);
        var unchanged = File.ReadAllBytes(path);
        File.WriteAllText(path, "{}");
        var refused = await Assert.ThrowsAsync<RegistryException>(() => registry.SignAsync("Fraud@1", key, stageMove: false));

        // assert
        Assert.True(again.Added!.Valid);
        Assert.Equal(stored, unchanged);
        Assert.Equal("MRB2003", refused.Code);
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_retired_key_counts_only_for_signatures_made_before_its_retirement()
    {
        // arrange: the old key signs version 1, then is retired; it signs version 2 after that; the new key signs 3
        var (oldPrivate, oldPublic) = TestKeys.Write(harness.Temp, "old");
        var (newPrivate, newPublic) = TestKeys.Write(harness.Temp, "new");
        using var oldKey = SigningKey.FromPemFile(oldPrivate);
        using var newKey = SigningKey.FromPemFile(newPrivate);
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "Fraud", "v1");
        await harness.RegisterVersionAsync(registry, "Fraud", "v2");
        await harness.RegisterVersionAsync(registry, "Fraud", "v3");
        await registry.SignAsync("Fraud@1", oldKey, stageMove: false);
        await Task.Delay(20);
        var retired = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await registry.SignAsync("Fraud@2", oldKey, stageMove: false);
        await registry.SignAsync("Fraud@3", newKey, stageMove: false);
        using var policy = Policy($$"""
            { "name": "old", "publicKey": "{{oldPublic}}", "notAfter": "{{retired:O}}" }, { "name": "new", "publicKey": "{{newPublic}}" }
            """);

        // act
        var beforeRetirement = await registry.ResolveAsync("Fraud@1", null, policy);
        var afterRetirement = await Assert.ThrowsAsync<RegistryException>(() => registry.ResolveAsync("Fraud@2", null, policy));
        var newKeyVersion = await registry.ResolveAsync("Fraud@3", null, policy);

        // assert
        Assert.Equal(1, beforeRetirement.Version);
        Assert.Equal("MRB2005", afterRetirement.Code);
        Assert.Contains("was retired at", afterRetirement.Message, StringComparison.Ordinal);
        Assert.Equal(3, newKeyVersion.Version);
    }

    [Fact]
    public async Task A_key_trusted_by_id_alone_is_read_from_the_registry_and_checked_against_its_id()
    {
        // arrange
        var (privatePath, _) = TestKeys.Write(harness.Temp, "release");
        using var key = SigningKey.FromPemFile(privatePath);
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "Fraud", "v1");
        await registry.SignAsync("Fraud@1", key, stageMove: false);
        using var byId = Policy($$"""{ "id": "{{key.KeyId}}" }""");
        var (_, otherPublic) = TestKeys.Write(harness.Temp, "other");
        File.Copy(otherPublic, Path.Combine(harness.Root, RegistryPaths.SigningKey(key.KeyId)), overwrite: true);
        await Task.Yield();

        // act: the stored key was replaced by another one; it no longer hashes to the trusted id
        var refused = await Assert.ThrowsAsync<RegistryException>(() => registry.ResolveAsync("Fraud@1", null, byId));

        // assert
        Assert.Equal("MRB2005", refused.Code);
        Assert.Contains("public key is neither in the trust policy nor stored", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_the_policy_does_not_name_is_refused()
    {
        // arrange
        var (_, publicPath) = TestKeys.Write(harness.Temp, "release");
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "Fraud", "v1");
        using var policy = Policy($$"""{ "publicKey": "{{publicPath}}" }""", """{ "Production": ["registration"] }""");

        // act
        var refused = await Assert.ThrowsAsync<RegistryException>(() => registry.ResolveAsync("Fraud@1", null, policy));

        // assert
        Assert.Equal("MRB2006", refused.Code);
    }

    [Fact]
    public void Unusable_keys_are_refused_without_quoting_them()
    {
        // arrange
        using var rsa = RSA.Create(2048);
        var rsaPem = rsa.ExportPkcs8PrivateKeyPem();
        var (_, publicPath) = TestKeys.Write(harness.Temp, "release");
        var body = rsaPem.Split('\n')[1];

        // act
        var notEc = Assert.Throws<RegistryException>(() => SigningKey.FromPem(rsaPem, "$MODEL_REGISTRY_SIGNING_KEY"));
        var publicOnly = Assert.Throws<RegistryException>(() => SigningKey.FromPemFile(publicPath));
        var missing = Assert.Throws<RegistryException>(() => SigningKey.FromPemFile(harness.Temp.Combine("none.pem")));

        // assert
        Assert.All(new[] { notEc, publicOnly, missing }, e => Assert.Equal("MRB2001", e.Code));
        Assert.DoesNotContain(body, notEc.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY-----", notEc.Message, StringComparison.Ordinal);
        Assert.Contains("public key", publicOnly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_ids_are_the_sha256_of_the_public_key_der()
    {
        // arrange
        var (privatePath, publicPath) = TestKeys.Write(harness.Temp, "release");
        using var independent = ECDsa.Create();
        independent.ImportFromPem(await File.ReadAllTextAsync(publicPath));

        // act
        using var signer = SigningKey.FromPemFile(privatePath);
        using var verifier = VerificationKey.FromPemFile(publicPath);

        // assert
        var expected = Convert.ToHexStringLower(SHA256.HashData(independent.ExportSubjectPublicKeyInfo()));
        Assert.Equal(expected, signer.KeyId);
        Assert.Equal(expected, verifier.KeyId);
        Assert.DoesNotContain("PRIVATE", signer.PublicPem, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(await File.ReadAllTextAsync(publicPath)))), signer.PemHint);
    }
}
