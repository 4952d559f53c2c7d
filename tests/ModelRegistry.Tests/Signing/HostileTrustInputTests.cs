using ModelRegistry.Runtime;
using ModelRegistry.Signing;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Signing;

/// <summary>Hostile policy files and hand-edited trust records in a lock: each refused with a coded error, nothing accepted.</summary>
public sealed class HostileTrustInputTests : ReleaseKeyTests
{
    [Theory]
    [InlineData("""{ "keys": [null], "stages": { "*": ["registration"] } }""")]
    [InlineData("""{ "keys": [42], "stages": { "*": ["registration"] } }""")]
    [InlineData("""{ "keys": "release", "stages": { "*": ["registration"] } }""")]
    [InlineData("""{ "keys": [{ "id": "abc" }], "stages": { "*": ["registration"] } }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": "registration" } }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": { "require": "registration" } } }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": { "keys": ["release"] } } }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": { "*": [1, 2] } }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub" }], "stages": null }""")]
    [InlineData("""{ "keys": [{ "publicKey": "keys/release.pub", "notAfter": "soon" }], "stages": { "*": ["registration"] } }""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{ "keys": [{ "publicKey": "../../../../../../../../etc/passwd" }], "stages": { "*": ["registration"] } }""")]
    public void A_hostile_policy_file_is_refused_with_a_coded_error(string json)
    {
        Harness.Temp.WriteFile("project/keys/release.pub", File.ReadAllText(ReleasePublic));
        var path = Harness.Temp.WriteFile("project/trust.json", json);

        var refused = Assert.Throws<RegistryException>(() => TrustPolicy.Load(path));

        Assert.StartsWith("MRB200", refused.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"policy\": 5,", "\"policy\": ")]
    [InlineData("\"policy\": \"sha256:../../x\",", "\"policy\": ")]
    [InlineData("\"stage\": [],", "\"stage\": ")]
    [InlineData("\"signatures\": \"all\"", "\"signatures\": ")]
    public async Task A_hostile_trust_record_in_the_lock_is_refused_with_MRB1604(string replacement, string field)
    {
        // arrange: a lock written under the policy, then one field of its trust record replaced up to its line end
        var registry = await Harness.OpenAsync();
        await Harness.RegisterVersionAsync(registry, "FraudDetection", "fraud v1");
        await registry.SignAsync("FraudDetection@1", Release, stageMove: false);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");
        await registry.SignAsync("FraudDetection@Production", Release, stageMove: true);
        Directory.CreateDirectory(Harness.Temp.Combine("project"));
        var policyPath = Harness.Temp.WriteFile("project/trust.json", $$"""{ "keys": [{ "publicKey": "{{ReleasePublic}}" }], "stages": { "*": ["registration", "promotion"] } }""");
        using var policy = TrustPolicy.Load(policyPath);
        var client = ModelRegistryClient.Create(registry, Harness.Temp.Combine("cache"), policy);
        Assert.True((await client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], new RestoreOptions(LockPath))).Succeeded);
        var lines = File.ReadAllLines(LockPath).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(field, StringComparison.Ordinal));
        if (field.Contains("signatures", StringComparison.Ordinal))
        {
            var close = lines.FindIndex(at, l => l.TrimStart().StartsWith(']'));
            lines.RemoveRange(at + 1, close - at);
        }

        lines[at] = "        " + replacement;
        File.WriteAllLines(LockPath, lines);

        // act
        var refused = await Assert.ThrowsAsync<RegistryException>(() => client.RestoreAsync([ReferenceRequest.Parse("FraudDetection@Production")], new RestoreOptions(LockPath, LockedMode: true)));

        // assert
        Assert.Equal("MRB1604", refused.Code);
    }
}
