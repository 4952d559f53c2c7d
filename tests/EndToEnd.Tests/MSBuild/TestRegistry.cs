using ModelRegistry;
using ModelRegistry.Policies;

namespace EndToEnd.Tests.MSBuild;

/// <summary>A folder registry the tests seed and inspect through the engine, as another team's pipeline would.</summary>
internal sealed class TestRegistry(string path)
{
    public string Path { get; } = path;

    /// <summary>Registers a one-file model whose file holds <paramref name="content"/>.</summary>
    public async Task<VersionInfo> RegisterAsync(string model, string content)
    {
        var folder = Directory.CreateTempSubdirectory("mrb-seed-");
        try
        {
            var file = System.IO.Path.Combine(folder.FullName, "model.bin");
            await File.WriteAllTextAsync(file, content);
            var registry = await Registry.OpenAsync(Path);
            var result = await registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [file] });
            return result.Version!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Registers an ML.NET model zip with the schema read from it, as <c>model-registry register</c> does.</summary>
    public async Task<VersionInfo> RegisterModelAsync(string model, string file)
    {
        var registry = await Registry.OpenAsync(Path);
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [file], SchemaReaders = [new ModelRegistry.ML.Schemas.MLNetSchemaReader()] });
        return result.Version!;
    }

    public async Task PromoteAsync(string reference, string stage)
    {
        var registry = await Registry.OpenAsync(Path);
        await registry.PromoteAsync(new PromotionRequest
        {
            Reference = reference,
            Stage = stage,
            Evidence = PromotionEvidence.LocalApproval("end-to-end test"),
        });
    }

    public async Task SetAliasAsync(string reference, string alias)
    {
        var registry = await Registry.OpenAsync(Path);
        await registry.SetAliasAsync(reference, alias, reason: null, actor: null);
    }

    /// <summary>Every version of a model; empty when the model was never registered.</summary>
    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string model)
    {
        if (!File.Exists(System.IO.Path.Combine(Path, "registry.json")))
        {
            return [];
        }

        var registry = await Registry.OpenAsync(Path);
        return (await registry.ListModelsAsync()).Contains(model, StringComparer.OrdinalIgnoreCase)
            ? await registry.ListVersionsAsync(model)
            : [];
    }
}
