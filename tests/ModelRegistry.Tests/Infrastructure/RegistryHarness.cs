using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>
/// A folder registry and a work folder for artifacts, both inside one temp folder of the test. The helpers keep
/// each test to its arrange/act/assert: they write artifacts, register them and promote with a local approval.
/// </summary>
public sealed class RegistryHarness : IDisposable
{
    public const string Actor = "tester";

    private readonly TempFolder temp = new();

    public string Root => temp.Combine("registry");

    public TempFolder Temp => temp;

    public Task<Registry> OpenAsync() => Registry.OpenAsync(Root);

    /// <summary>Writes an artifact file into the work folder and returns its path.</summary>
    public string Artifact(string name, string content) => temp.WriteFile(Path.Combine("work", name), content);

    public string Artifact(string name, byte[] content) => temp.WriteFile(Path.Combine("work", name), content);

    public static MetricsDocument Metrics(params (string Name, double Value)[] values) =>
        MetricsDocument.FromValues("metrics.json", values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    /// <summary>Registers one file whose content is <paramref name="content"/> (each distinct content is a new recipe).</summary>
    public async Task<RegistrationResult> RegisterAsync(Registry registry, string model, string content, Func<RegistrationRequest, RegistrationRequest>? customize = null)
    {
        var file = Artifact($"{Guid.NewGuid():N}/model.bin", content);
        var request = new RegistrationRequest { Model = model, Artifacts = [file], Actor = Actor };
        return await registry.RegisterAsync(customize is null ? request : customize(request));
    }

    /// <summary>Registers and returns the new version number, failing the test when nothing was registered.</summary>
    public async Task<int> RegisterVersionAsync(Registry registry, string model, string content, Func<RegistrationRequest, RegistrationRequest>? customize = null)
    {
        var result = await RegisterAsync(registry, model, content, customize);
        Assert.NotNull(result.Version);
        return result.Version.Version;
    }

    public static Task<PromotionResult> PromoteAsync(Registry registry, string reference, string stage, string? approver = "alice", string? reason = null) =>
        registry.PromoteAsync(new PromotionRequest
        {
            Reference = reference,
            Stage = stage,
            Reason = reason,
            Evidence = approver is null ? null : PromotionEvidence.LocalApproval(approver),
            Actor = Actor,
        });

    /// <summary>Creates the registry with settings of the test's choosing (policies, stages) before it is opened.</summary>
    public void WriteSettings(RegistrySettings settings)
    {
        Directory.CreateDirectory(Root);
        File.WriteAllBytes(Path.Combine(Root, RegistryPaths.Settings), RegistryJson.Serialize(settings));
    }

    /// <summary>The path of a stored object of the registry on disk.</summary>
    public string StoredPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public IReadOnlyList<string> Listing() => FolderListing.Of(Root);

    public void Dispose() => temp.Dispose();
}
