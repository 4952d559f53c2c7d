using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>
/// Signed registrations and stage moves through the real tool, and a consumer's trust policy against an attacker who
/// can write to the registry's storage: forged revisions, signatures by other keys, signatures copied onto other bytes.
/// </summary>
public sealed class SigningTests : Scenario
{
    private readonly (string Private, string Public) release;

    private readonly string trust;

    public SigningTests()
    {
        release = TestKeys.Write(Temp, "release");
        trust = Temp.WriteFile("trust.json", $$"""
            { "keys": [ { "name": "release", "publicKey": "keys/release.pub" } ],
              "stages": { "Production": ["registration", "promotion"], "*": ["registration"] } }
            """);
    }

    private string Artifact(string name, byte[] content) => Temp.WriteFile($"artifacts/{name}/model.bin", content);

    private string Stored(string relative) => Path.Combine(Registry, relative);

    /// <summary>What an attacker with write access does: appends a revision that moves a version into a stage.</summary>
    private async Task<long> ForgeMoveAsync(int version, string stage)
    {
        var view = await (await ModelRegistry.Registry.OpenAsync(Registry)).LoadModelAsync("FraudDetection");
        var revision = view.Revision + 1;
        var entry = new LogEntry
        {
            Revision = revision,
            WriteId = Guid.NewGuid().ToString("N"),
            Time = DateTimeOffset.UtcNow,
            Actor = "mallory",
            Operation = Operation.Stage,
            Model = "FraudDetection",
            Version = version,
            Record = (await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync($"FraudDetection@{version}")).Digest,
            Stage = stage,
            FromStage = RegistrySettings.None,
        };
        File.WriteAllBytes(Stored(RegistryPaths.Log("frauddetection", revision)), RegistryJson.Serialize(entry));
        return revision;
    }

    [Fact]
    public async Task A_signed_registration_and_promotion_pass_pull_trust_and_verify_signature_says_who_signed_what()
    {
        // arrange
        var artifact = Artifact("v1", "weights"u8.ToArray());
        var pem = File.ReadAllText(release.Private);

        // act
        var registered = await Cli("register", "FraudDetection", artifact, "--sign-key", release.Private, "--json");
        var promoted = await Run(new Dictionary<string, string> { ["MODEL_REGISTRY_SIGNING_KEY"] = pem }, "promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice", "--json", "--registry", Registry);
        var pulled = await Cli("pull", "FraudDetection@Production", "--output", Temp.Combine("serving"), "--trust", trust);
        var (checkedResult, document) = await Json("verify-signature", "FraudDetection@Production", "--trust", trust);
        var verified = await Cli("verify", "--json");
        var signedAgain = await Cli("sign", "FraudDetection@1", "--sign-key", release.Private, "--json");

        // assert
        Assert.Equal([0, 0, 0, 0, 0, 0], new[] { registered, promoted, pulled, checkedResult, verified, signedAgain }.Select(r => r.ExitCode));
        Assert.Empty(PublishedSchemas.Problems("registration", registered.Stdout));
        Assert.Empty(PublishedSchemas.Problems("stage-change", promoted.Stdout));
        Assert.Empty(PublishedSchemas.Problems("signatures", signedAgain.Stdout));
        Assert.True(OneDocument(signedAgain.Stdout).GetProperty("added").GetProperty("valid").GetBoolean());
        Assert.Equal(2, OneDocument(signedAgain.Stdout).GetProperty("signatures").GetArrayLength());
        Assert.Equal("registration", OneDocument(registered.Stdout).GetProperty("signature").GetProperty("kind").GetString());
        Assert.Equal("promotion", OneDocument(promoted.Stdout).GetProperty("signature").GetProperty("kind").GetString());
        Assert.True(File.Exists(Temp.Combine("serving", "model.bin")));
        Assert.Empty(PublishedSchemas.Problems("signatures", checkedResult.Stdout));
        Assert.True(document.GetProperty("trust").GetProperty("accepted").GetBoolean());
        Assert.All(document.GetProperty("signatures").EnumerateArray(), s => Assert.True(s.GetProperty("trusted").GetBoolean()));
        Assert.Equal(2, OneDocument(verified.Stdout).GetProperty("signatures").GetInt32());
    }

    [Fact]
    public async Task A_promotion_forged_in_storage_is_refused_unsigned_and_signed_by_an_untrusted_key()
    {
        // arrange: version 1 is properly in Production; version 2 is signed at registration only
        var attacker = TestKeys.Write(Temp, "attacker");
        await Cli("register", "FraudDetection", Artifact("v1", "one"u8.ToArray()), "--sign-key", release.Private);
        await Cli("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice", "--sign-key", release.Private);
        await Cli("register", "FraudDetection", Artifact("v2", "two"u8.ToArray()), "--sign-key", release.Private);
        var forged = await ForgeMoveAsync(2, "Production");

        // act
        var (unsigned, unsignedDocument) = await Json("pull", "FraudDetection@Production", "--output", Temp.Combine("serving"), "--trust", trust);
        var signedByAttacker = await Cli("sign", "FraudDetection@Production", "--stage-move", "--sign-key", attacker.PrivatePath);
        var (untrusted, untrustedDocument) = await Json("resolve", "FraudDetection@Production", "--trust", trust);
        var withoutPolicy = await Cli("resolve", "FraudDetection@Production");

        // assert
        Assert.Equal(3, unsigned.ExitCode);
        Assert.Equal("MRB2005", ErrorCode(unsignedDocument));
        Assert.Contains($"(revision {forged}) is not signed by a trusted key", unsignedDocument.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Temp.Combine("serving")));
        Assert.Equal(0, signedByAttacker.ExitCode);
        Assert.Equal(3, untrusted.ExitCode);
        Assert.Contains("its key is not trusted by the policy", untrustedDocument.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, withoutPolicy.ExitCode);
    }

    [Fact]
    public async Task Signatures_copied_onto_other_bytes_or_another_revision_are_refused_and_verify_reports_them()
    {
        // arrange: version 2's file differs from version 1's by one bit, and carries version 1's registration signature
        var bytes = "weights of the model"u8.ToArray();
        var flipped = bytes.ToArray();
        flipped[5] ^= 0x01;
        await Cli("register", "FraudDetection", Artifact("v1", bytes), "--sign-key", release.Private);
        await Cli("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice", "--sign-key", release.Private);
        await Cli("register", "FraudDetection", Artifact("v2", flipped));
        var keyId = Path.GetFileName(Directory.GetFiles(Stored("keys"))[0])[..64];
        var v1Registration = Stored(RegistryPaths.RegistrationSignature("frauddetection", 1, keyId));
        Directory.CreateDirectory(Path.GetDirectoryName(Stored(RegistryPaths.RegistrationSignature("frauddetection", 2, keyId)))!);
        File.Copy(v1Registration, Stored(RegistryPaths.RegistrationSignature("frauddetection", 2, keyId)));
        await Cli("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "alice", "--sign-key", release.Private);

        // act
        var (otherBytes, otherBytesDocument) = await Json("pull", "FraudDetection@Production", "--output", Temp.Combine("serving"), "--trust", trust);

        // arrange: version 1 moved back by a forged revision, carrying the signature of its first, genuine move (revision 2)
        var forged = await ForgeMoveAsync(1, "Production");
        Directory.CreateDirectory(Stored(RegistryPaths.StageSignatures("frauddetection", 1, forged)));
        File.Copy(Stored(RegistryPaths.StageSignature("frauddetection", 1, 2, keyId)), Stored(RegistryPaths.StageSignature("frauddetection", 1, forged, keyId)));

        // act
        var (otherRevision, otherRevisionDocument) = await Json("pull", "FraudDetection@Production", "--output", Temp.Combine("serving"), "--trust", trust);
        var (verify, verifyDocument) = await Json("verify");

        // assert
        Assert.Equal(3, otherBytes.ExitCode);
        Assert.Contains("it signs other files than the version holds", otherBytesDocument.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, otherRevision.ExitCode);
        Assert.Contains($"it signs revision 2, not revision {forged}", otherRevisionDocument.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal(2, verifyDocument.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task No_private_key_material_appears_in_any_output_or_stored_object()
    {
        // arrange
        var pem = File.ReadAllText(release.Private);
        var secretLines = pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        var broken = Temp.WriteFile("keys/broken.pem", pem.Replace(secretLines[1], secretLines[1][..10] + "!!" + secretLines[1][12..], StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["MODEL_REGISTRY_SIGNING_KEY"] = pem };

        // act
        var outcomes = new List<CliOutcome>
        {
            await Cli("register", "FraudDetection", Artifact("v1", "one"u8.ToArray()), "--sign-key", release.Private, "--json"),
            await Run(environment, "promote", "FraudDetection@1", "--to", "Staging", "--registry", Registry),
            await Run(environment, "sign", "FraudDetection@1", "--registry", Registry, "--json"),
            await Cli("verify-signature", "FraudDetection@1", "--trust", trust),
            await Cli("sign", "FraudDetection@1", "--sign-key", broken),
            await Run(new Dictionary<string, string> { ["MODEL_REGISTRY_SIGNING_KEY"] = pem[..(pem.Length / 2)] }, "sign", "FraudDetection@1", "--registry", Registry, "--json"),
            await Cli("verify"),
        };
        var stored = Directory.EnumerateFiles(Registry, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        // assert
        Assert.Equal([0, 0, 0, 0, 2, 2, 0], outcomes.Select(o => o.ExitCode));
        foreach (var text in outcomes.Select(o => o.All).Concat(stored))
        {
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
            Assert.All(secretLines, line => Assert.DoesNotContain(line, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_empty_key_variable_means_no_key_as_GitHub_gives_for_a_secret_that_is_not_set()
    {
        // arrange
        var empty = new Dictionary<string, string> { ["MODEL_REGISTRY_SIGNING_KEY"] = "" };

        // act
        var registered = await Run(empty, "register", "FraudDetection", Artifact("v1", "weights"u8.ToArray()), "--json", "--registry", Registry);
        var promoted = await Run(empty, "promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice", "--json", "--registry", Registry);

        // assert
        Assert.True(registered.ExitCode == 0, registered.All);
        Assert.True(promoted.ExitCode == 0, promoted.All);
        Assert.False(OneDocument(registered.Stdout).TryGetProperty("signature", out _));
        Assert.False(OneDocument(promoted.Stdout).TryGetProperty("signature", out _));
        Assert.False(Directory.Exists(Stored("keys")));
    }

    [Fact]
    public async Task A_rollback_signs_the_move_back_and_a_retried_rollback_signs_nothing()
    {
        // arrange: version 2 replaced version 1 in Production; both moves signed
        var key = new Dictionary<string, string> { ["MODEL_REGISTRY_SIGNING_KEY"] = File.ReadAllText(release.Private) };
        foreach (var version in new[] { 1, 2 })
        {
            await Cli("register", "FraudDetection", Artifact($"v{version}", [(byte)version]), "--sign-key", release.Private);
            await Cli("promote", $"FraudDetection@{version}", "--to", "Production", "--approved-by", "alice", "--sign-key", release.Private);
        }

        // act
        var rolledBack = await Run(key, "rollback", "FraudDetection", "--from", "2", "--approved-by", "bob", "--json", "--registry", Registry);
        var signatures = Directory.GetFiles(Stored("models"), "*.sig.json", SearchOption.AllDirectories).Length;
        var retried = await Run(key, "rollback", "FraudDetection", "--from", "2", "--approved-by", "bob", "--json", "--registry", Registry);
        var (verified, document) = await Json("verify-signature", "FraudDetection@Production", "--trust", trust);

        // assert
        Assert.True(rolledBack.ExitCode == 0, rolledBack.All);
        Assert.Equal("promotion", OneDocument(rolledBack.Stdout).GetProperty("signature").GetProperty("kind").GetString());
        Assert.True(retried.ExitCode == 0, retried.All);
        Assert.False(OneDocument(retried.Stdout).TryGetProperty("signature", out _));
        Assert.Equal(signatures, Directory.GetFiles(Stored("models"), "*.sig.json", SearchOption.AllDirectories).Length);
        Assert.Equal(0, verified.ExitCode);
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.True(document.GetProperty("trust").GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_copy_keeps_a_trusted_registration_signature_and_warns_when_it_renumbers_the_version()
    {
        // arrange: the second destination already has a FraudDetection version 1 of its own
        var same = Temp.Combine("same-numbers");
        var renumbered = Temp.Combine("renumbered");
        await Cli("register", "FraudDetection", Artifact("v1", "weights"u8.ToArray()), "--sign-key", release.Private);
        await Run("register", "FraudDetection", Artifact("other", "other weights"u8.ToArray()), "--registry", renumbered);

        // act
        var (copied, document) = await Json("copy", "FraudDetection@1", "--to", same);
        var trusted = await Run("verify-signature", "FraudDetection@1", "--trust", trust, "--registry", same);
        var moved = await Cli("copy", "FraudDetection@1", "--to", renumbered);
        var untrusted = await Run("verify-signature", "FraudDetection@2", "--trust", trust, "--registry", renumbered);

        // assert
        Assert.Equal(0, copied.ExitCode);
        Assert.Empty(PublishedSchemas.Problems("copy", copied.Stdout));
        Assert.True(document.GetProperty("signatures")[0].GetProperty("valid").GetBoolean());
        Assert.True(trusted.ExitCode == 0, trusted.All);
        Assert.Equal(0, moved.ExitCode);
        Assert.Contains("warning MRB2020:", moved.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, untrusted.ExitCode);
    }
}
