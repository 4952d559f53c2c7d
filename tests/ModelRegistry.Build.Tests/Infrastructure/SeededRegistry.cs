using ModelRegistry.Policies;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>A folder registry seeded through the engine, for tasks and targets to resolve and pull from.</summary>
internal sealed class SeededRegistry(string path)
{
    public string Path { get; } = path;

    public async Task<VersionInfo> RegisterAsync(string model, string content, Schemas.ModelSchema? schema = null)
    {
        var folder = Directory.CreateTempSubdirectory("mrb-seed-");
        try
        {
            var file = System.IO.Path.Combine(folder.FullName, "model.bin");
            await File.WriteAllTextAsync(file, content);
            var registry = await Registry.OpenAsync(Path);
            return (await registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [file], Schema = schema })).Version!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task PromoteAsync(string reference, string stage)
    {
        var registry = await Registry.OpenAsync(Path);
        await registry.PromoteAsync(new PromotionRequest { Reference = reference, Stage = stage, Evidence = PromotionEvidence.LocalApproval("test") });
    }

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string model)
    {
        if (!File.Exists(System.IO.Path.Combine(Path, "registry.json")))
        {
            return [];
        }

        var registry = await Registry.OpenAsync(Path);
        return (await registry.ListModelsAsync()).Contains(model, StringComparer.OrdinalIgnoreCase) ? await registry.ListVersionsAsync(model) : [];
    }
}
