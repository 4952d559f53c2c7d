using ModelRegistry.Runtime;
using ModelRegistry.Signing;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Signing;

/// <summary>
/// The consumer's side of signing on a real folder registry: ModelRegistryClient and the restore obey a trust policy,
/// the lock records what was verified (the policy's fingerprint and key ids, never key material), and locked mode
/// re-judges those records against the policy it has now.
/// </summary>
public sealed class TrustedConsumptionTests : ReleaseKeyTests
{
    private RestoreOptions Options(bool locked = false)
    {
        Directory.CreateDirectory(Harness.Temp.Combine("project"));
        return new RestoreOptions(LockPath, LockedMode: locked);
    }

    private TrustPolicy Policy(string keys, string stages = """{ "Production": ["registration", "promotion"] }""")
    {
        var path = Harness.Temp.WriteFile("project/trust.json", $$"""{ "keys": [{{keys}}], "stages": {{stages}} }""");
        return TrustPolicy.Load(path);
    }

    private TrustPolicy ReleasePolicy() => Policy($$"""{ "name": "release", "publicKey": "{{ReleasePublic}}" }""");

    /// <summary>Version 1 signed and moved into Production by a signed promotion; version 2 registered and signed.</summary>
    private async Task<Registry> SignedProductionAsync()
    {
        var registry = await Harness.OpenAsync();
        await Harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await Harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v2");
        await registry.SignAsync("FraudDetection@1", Release, stageMove: false);
        await registry.SignAsync("FraudDetection@2", Release, stageMove: false);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await registry.SignAsync("FraudDetection@Production", Release, stageMove: true);
        return registry;
    }

    [Fact]
    public async Task The_client_refuses_a_promotion_forged_in_storage_and_accepts_a_signed_one()
    {
        // arrange: someone with storage access moves version 2 into Production without the signing key
        var registry = await SignedProductionAsync();
        using var policy = ReleasePolicy();
        var client = ModelRegistryClient.Create(registry, Harness.Temp.Combine("cache"), policy);
        var accepted = await client.PullAsync("FraudDetection@Production");
        await RegistryHarness.PromoteAsync(await Harness.OpenAsync(), "FraudDetection@2", "Production");
        var forgedClient = ModelRegistryClient.Create(await Harness.OpenAsync(), Harness.Temp.Combine("cache"), policy);

        // act
        var refused = await Assert.ThrowsAsync<RegistryException>(() => forgedClient.PullAsync("FraudDetection@Production"));
        await (await Harness.OpenAsync()).SignAsync("FraudDetection@Production", Release, stageMove: true);
        var signedLater = await forgedClient.ResolveAsync("FraudDetection@Production");

        // assert
        Assert.Equal(1, accepted.Version.Version);
        Assert.Equal("MRB2005", refused.Code);
        Assert.Contains("(revision", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no signature is stored", refused.Message, StringComparison.Ordinal);
        Assert.False(forgedClient.Cache.Holds((await registry.ResolveAsync("FraudDetection@2")).Digest, (await registry.ResolveAsync("FraudDetection@2")).Files));
        Assert.Equal(2, signedLater.Version);
    }

    [Fact]
    public async Task A_trusted_resolve_adds_one_listing_and_one_small_read_per_signature()
    {
        // arrange: a warm registry instance, so the model's state is already known
        await SignedProductionAsync();
        var storage = new Runtime.ObservedStorage(new Storage.FolderStorage(Harness.Root));
        var registry = await Registry.OpenAsync(storage);
        using var policy = ReleasePolicy();
        await registry.ResolveAsync("FraudDetection@Production");
        storage.Operations.Clear();
        await registry.ResolveAsync("FraudDetection@Production");
        var plain = storage.Operations.ToList();
        storage.Operations.Clear();

        // act
        await registry.ResolveAsync("FraudDetection@Production", null, policy);
        var trusted = storage.Operations.ToList();

        // assert: the extra operations are the signature folder's listing and its two signatures
        var extra = trusted.ToList();
        plain.ForEach(p => extra.Remove(p));
        Assert.Single(extra, e => e.StartsWith("list ", StringComparison.Ordinal) && e.Contains("/signatures/", StringComparison.Ordinal));
        Assert.Equal(2, extra.Count(e => e.StartsWith("read ", StringComparison.Ordinal) && e.EndsWith(".sig.json", StringComparison.Ordinal)));
        Assert.True(extra.Count == 3, string.Join("\n", extra));
    }

    [Fact]
    public async Task A_restore_under_a_policy_records_the_policy_fingerprint_and_the_key_ids_that_counted_and_no_key_material()
    {
        // arrange
        await SignedProductionAsync();
        using var policy = ReleasePolicy();
        var client = ModelRegistryClient.Create(await Harness.OpenAsync(), Harness.Temp.Combine("cache"), policy);

        // act
        var report = await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());
        var written = File.ReadAllText(LockPath);
        var trust = ModelLockFile.Read(LockPath)!.Models.Single().Trust!;

        // assert
        Assert.True(report.Succeeded, string.Join("; ", report.Problems.Select(p => p.Message)));
        Assert.Equal(policy.Fingerprint, trust.Policy);
        Assert.Equal("Production", trust.Stage);
        Assert.Equal([("promotion", Release.KeyId), ("registration", Release.KeyId)], trust.Signatures.Select(s => (s.Kind, s.KeyId)));
        Assert.All(trust.Signatures, s => Assert.NotNull(s.SignedAt));
        Assert.NotNull(trust.Signatures.Single(s => s.Kind == "promotion").Revision);
        Assert.DoesNotContain("PRIVATE", written, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", written, StringComparison.Ordinal);
        Assert.Equivalent(trust, report.Models.Single().Trust, strict: true);
    }

    [Fact]
    public async Task A_restore_refuses_an_unsigned_production_version_and_writes_no_lock()
    {
        // arrange: Production moved by a revision nobody signed
        var registry = await Harness.OpenAsync();
        await Harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await registry.SignAsync("FraudDetection@1", Release, stageMove: false);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        using var policy = ReleasePolicy();
        var client = ModelRegistryClient.Create(registry, Harness.Temp.Combine("cache"), policy);

        // act
        var report = await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());

        // assert
        Assert.Equal("MRB2005", Assert.Single(report.Problems).Code);
        Assert.False(File.Exists(LockPath));
    }

    [Fact]
    public async Task Locked_mode_refuses_a_lock_that_records_no_verification_and_one_whose_key_ids_were_edited()
    {
        // arrange: a lock written without a policy, then one written under it and edited by hand
        await SignedProductionAsync();
        var plain = ModelRegistryClient.Create(await Harness.OpenAsync(), Harness.Temp.Combine("cache"));
        await plain.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());
        using var policy = ReleasePolicy();
        var client = ModelRegistryClient.Create(await Harness.OpenAsync(), Harness.Temp.Combine("cache"), policy);

        // act
        var unrecorded = await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options(locked: true));
        await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());
        var recorded = await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options(locked: true));
        File.WriteAllText(LockPath, File.ReadAllText(LockPath).Replace(Release.KeyId, new string('a', 64), StringComparison.Ordinal));
        var edited = await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options(locked: true));

        // assert
        Assert.Equal("MRB1619", Assert.Single(unrecorded.Problems).Code);
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Problems.Select(p => p.Message)));
        Assert.Equal("MRB1619", Assert.Single(edited.Problems).Code);
        Assert.Contains(new string('a', 64), edited.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_policy_that_the_recorded_signatures_still_satisfy_keeps_the_pin_and_records_its_new_fingerprint()
    {
        // arrange: pinned under the release key; Production then moves (signed) to version 2
        var registry = await SignedProductionAsync();
        using (var first = ReleasePolicy())
        {
            await ModelRegistryClient.Create(registry, Harness.Temp.Combine("cache"), first).RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());
        }

        await RegistryHarness.PromoteAsync(registry, "FraudDetection@2", "Production");
        await registry.SignAsync("FraudDetection@Production", Release, stageMove: true);
        var (_, otherPublic) = TestKeys.Write(Harness.Temp, "other");
        using var widened = Policy($$"""{ "name": "release", "publicKey": "{{ReleasePublic}}" }, { "name": "other", "publicKey": "{{otherPublic}}" }""");

        // act
        var report = await ModelRegistryClient.Create(await Harness.OpenAsync(), Harness.Temp.Combine("cache"), widened)
            .RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], Options());

        // assert: still version 1 (the lock pins it), now recorded under the widened policy
        var entry = ModelLockFile.Read(LockPath)!.Models.Single();
        Assert.Equal(1, entry.Version);
        Assert.Equal(widened.Fingerprint, entry.Trust!.Policy);
        Assert.Equal(RestoreChange.Pinned, report.Models.Single().Change);
    }

    [Fact]
    public async Task A_stage_can_trust_some_keys_only()
    {
        // arrange: the staging key signs everything; Production trusts only the release key
        var (stagingPrivate, stagingPublic) = TestKeys.Write(Harness.Temp, "staging");
        using var staging = SigningKey.FromPemFile(stagingPrivate);
        var registry = await Harness.OpenAsync();
        await Harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await registry.SignAsync("FraudDetection@1", staging, stageMove: false);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await registry.SignAsync("FraudDetection@Production", staging, stageMove: true);
        using var policy = Policy(
            $$"""{ "name": "release", "publicKey": "{{ReleasePublic}}" }, { "name": "staging", "publicKey": "{{stagingPublic}}" }""",
            """{ "Production": { "require": ["registration", "promotion"], "keys": ["release"] }, "*": ["registration"] }""");

        // act
        var refused = await Assert.ThrowsAsync<RegistryException>(() => registry.ResolveAsync("FraudDetection@Production", null, policy));

        // assert
        Assert.Equal("MRB2005", refused.Code);
        Assert.Contains("does not trust key staging", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_naming_a_key_the_policy_does_not_list_is_refused()
    {
        var refused = Assert.Throws<RegistryException>(() => Policy(
            $$"""{ "name": "release", "publicKey": "{{ReleasePublic}}" }""",
            """{ "Production": { "require": ["registration"], "keys": ["nobody"] } }"""));

        Assert.Equal("MRB2002", refused.Code);
        Assert.Contains("'nobody'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_covers_the_key_files_and_ignores_crlf()
    {
        // arrange
        var policyText = $$"""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": ["registration"] } }""";
        var lf = Harness.Temp.WriteFile("lf/trust.json", policyText + "\n");
        Harness.Temp.WriteFile("lf/keys/release.pub", File.ReadAllText(ReleasePublic).ReplaceLineEndings("\n"));
        var crlf = Harness.Temp.WriteFile("crlf/trust.json", policyText + "\r\n");
        Harness.Temp.WriteFile("crlf/keys/release.pub", File.ReadAllText(ReleasePublic).ReplaceLineEndings("\r\n"));
        var other = Harness.Temp.WriteFile("other/trust.json", policyText + "\n");
        var (_, otherPublic) = TestKeys.Write(Harness.Temp, "other-key");
        Harness.Temp.WriteFile("other/keys/release.pub", File.ReadAllText(otherPublic));

        // act
        var (a, b, c) = (TrustPolicyFingerprint.Of(lf), TrustPolicyFingerprint.Of(crlf), TrustPolicyFingerprint.Of(other));

        // assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.StartsWith("sha256:", a, StringComparison.Ordinal);
        using var loaded = TrustPolicy.Load(lf);
        Assert.Equal(a, loaded.Fingerprint);
    }
}
