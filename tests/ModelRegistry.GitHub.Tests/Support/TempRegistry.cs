using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>A registry in its own temp folder, with the stage policies a test wants written into registry.json
/// before first use (as an operator would configure them), and helpers to register versions.</summary>
public sealed class TempRegistry : IDisposable
{
    private int files;

    private TempRegistry(string root)
    {
        Root = root;
        Location = Path.Combine(root, "registry");
    }

    public string Root { get; }

    public string Location { get; }

    public static TempRegistry Create(StagePolicy? production = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "mrb-github-" + Guid.NewGuid().ToString("N")[..12]);
        var registry = new TempRegistry(root);
        Directory.CreateDirectory(registry.Location);
        var settings = new RegistrySettings { Created = DateTimeOffset.UtcNow };
        settings.Policies[RegistrySettings.Production] = production ?? new StagePolicy { Requires = [StagePolicy.Approval] };
        File.WriteAllBytes(Path.Combine(registry.Location, "registry.json"), RegistryJson.Serialize(settings));
        return registry;
    }

    public Task<Registry> OpenAsync() => Registry.OpenAsync(Location);

    /// <summary>Registers a new version with these metrics and returns its number.</summary>
    public Task<int> RegisterAsync(string model, params (string Name, double Value)[] metrics) => RegisterAsync(model, null, metrics);

    /// <summary>Registers a new version with this declared schema (none when null) and these metrics.</summary>
    public async Task<int> RegisterAsync(string model, Schemas.ModelSchema? schema, params (string Name, double Value)[] metrics)
    {
        var registry = await OpenAsync();
        var artifact = Path.Combine(Root, $"artifact-{++files}");
        Directory.CreateDirectory(artifact);
        await File.WriteAllTextAsync(Path.Combine(artifact, "model.bin"), $"weights {files} {Guid.NewGuid()}");
        var result = await registry.RegisterAsync(new RegistrationRequest
        {
            Model = model,
            Artifacts = [artifact],
            Metrics = MetricsDocument.FromValues("metrics.json", metrics.ToDictionary(m => m.Name, m => m.Value)),
            Actor = "alice",
            Schema = schema,
        });
        return result.Version!.Version;
    }

    /// <summary>Every byte the registry holds, as text, for leak checks.</summary>
    public string AllText() => string.Join("\n", Directory.EnumerateFiles(Location, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
