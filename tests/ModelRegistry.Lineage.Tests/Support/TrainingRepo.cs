using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>A real training checkout (git repository, data, config, a model file) beside a real folder registry,
/// driven through the engine exactly as <c>register</c> and <c>promote</c> drive it.</summary>
public sealed class TrainingRepo : IDisposable
{
    public TrainingRepo()
    {
        Root = Git.InitWithCommit(Temp);
        File.WriteAllText(Path.Combine(Root, ".gitignore"), "out/\n");
        Git.Run(Root, "add", "-A");
        Git.Run(Root, "commit", "-q", "-m", "Ignore outputs");
    }

    public TempFolder Temp { get; } = new();

    public string Root { get; }

    public string RegistryPath => Temp.Combine("registry");

    public string Write(string relative, string content) => Temp.Write(Path.Combine("repo", relative), content);

    public Task<Recipe> CaptureAsync(string[]? data = null, string[]? config = null, Func<string, string?>? variables = null, string? command = null) =>
        RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = Root,
            Data = data ?? [],
            Config = config ?? [],
            Command = command,
            GetVariable = variables ?? Variables.None,
        });

    public async Task<Registry> OpenAsync() => await Registry.OpenAsync(RegistryPath);

    /// <summary>Registers <c>out/model.bin</c> with the given recipe and metrics.</summary>
    public async Task<RegistrationResult> RegisterAsync(string model, Recipe recipe, double auc = 0.9)
    {
        var registry = await OpenAsync();
        return await registry.RegisterAsync(new RegistrationRequest
        {
            Model = model,
            Artifacts = [Path.Combine(Root, "out", "model.bin")],
            Recipe = recipe,
            Metrics = MetricsDocument.FromValues("metrics.json", new Dictionary<string, double> { ["auc"] = auc }),
            Actor = "trainer",
        });
    }

    public async Task PromoteAsync(string reference, string stage)
    {
        var registry = await OpenAsync();
        await registry.PromoteAsync(new PromotionRequest { Reference = reference, Stage = stage, Evidence = PromotionEvidence.LocalApproval("reviewer"), Actor = "trainer" });
    }

    public void Dispose() => Temp.Dispose();
}
