using System.Text.Json.Nodes;
using Xunit;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>
/// A release key pair, as the workflow templates keep it (the private PEM text in $MODEL_REGISTRY_SIGNING_KEY, an
/// environment secret), and a consumer's trust file that wants every move into Production signed by it.
/// </summary>
public sealed class ReleaseKey : IDisposable
{
    public const string Variable = "MODEL_REGISTRY_SIGNING_KEY";

    private readonly TempFolder folder = new("mrb-release-key-");

    public ReleaseKey()
    {
        (PrivatePath, _) = TestKeys.Write(folder, "release");
        TrustFile = folder.WriteFile("trust.json", """
            { "keys": [ { "name": "release", "publicKey": "keys/release.pub" } ], "stages": { "Production": ["promotion"] } }
            """);
    }

    public string PrivatePath { get; }

    public string PrivatePem => File.ReadAllText(PrivatePath);

    public string TrustFile { get; }

    /// <summary>Asserts that <c>verify-signature &lt;reference&gt; --trust</c> accepts the version, and returns its document.</summary>
    public async Task<JsonNode> AssertTrustedAsync(TempRegistry registry, string reference)
    {
        var verified = await CliProcess.RunAsync(null, "verify-signature", reference, "--trust", TrustFile, "--registry", registry.Location, "--json");
        Assert.True(verified.ExitCode == 0, verified.All);
        var document = JsonNode.Parse(verified.Stdout)!;
        Assert.True(document["trust"]!["accepted"]!.GetValue<bool>(), verified.Stdout);
        return document;
    }

    /// <summary>Asserts that nothing was signed: no signature and no published key is stored.</summary>
    public static void AssertNothingSigned(TempRegistry registry)
    {
        var stored = Directory.EnumerateFiles(registry.Location, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(registry.Location, f).Replace('\\', '/'));
        Assert.DoesNotContain(stored, f => f.StartsWith("keys/", StringComparison.Ordinal) || f.Contains("/signatures/", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
