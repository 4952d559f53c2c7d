using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Templates;

/// <summary>
/// A repository made with <c>dotnet new modelregistry-training</c> in a test folder, committed to git, with a
/// registry folder beside it, and the commands its README tells a user to run.
/// </summary>
public sealed class TrainingRepository
{
    private readonly TemplatesFixture fixture;

    private TrainingRepository(TemplatesFixture fixture, TempFolder folder, string name)
    {
        this.fixture = fixture;
        Folder = folder;
        Name = name;
    }

    public TempFolder Folder { get; }

    public string Name { get; }

    public string Path => Folder.Combine("training");

    public string Registry => Folder.Combine("registry");

    public string TrainerProject => System.IO.Path.Combine(Path, "src", "Trainer");

    /// <summary>Instantiates the template into <c>training/</c> with the registry in <c>registry/</c>, and commits it.</summary>
    public static async Task<TrainingRepository> CreateAsync(TemplatesFixture fixture, TempFolder folder, string name, params string[] parameters)
    {
        (await fixture.NewAsync(folder.Path, ["modelregistry-training", "-n", name, "-o", "training", "--registry", "../registry", .. parameters])).AssertSuccess();
        var repository = new TrainingRepository(fixture, folder, name);
        await GitRepository.InitAndCommitAsync(repository.Path, "Training repository from modelregistry-training");
        return repository;
    }

    /// <summary><c>dotnet build</c> at the repository root: builds the trainer, trains, evaluates and registers.</summary>
    public Task<DotNetResult> BuildAsync() => fixture.Product.DotNet.BuildAsync(Path);

    /// <summary>Writes a new synthetic dataset over data/transactions.csv with the trainer's generate command, and commits it.</summary>
    public async Task NewDataAsync(int rows, int seed)
    {
        var trainer = System.IO.Path.Combine(TrainerProject, "bin", "Debug", "net10.0", "Trainer.dll");
        (await fixture.Product.DotNet.RunAsync(Path, [trainer, "generate", "--rows", $"{rows}", "--seed", $"{seed}"])).AssertSuccess();
        await GitRepository.CommitAllAsync(Path, $"New training data: {rows} rows, seed {seed}");
    }

    /// <summary><c>dotnet tool restore</c>, then <c>dotnet cake --target=&lt;target&gt;</c> with the repository's build.cake.</summary>
    public async Task<DotNetResult> CakeAsync(string target, params string[] arguments)
    {
        (await fixture.Product.DotNet.RunAsync(Path, ["tool", "restore"])).AssertSuccess();
        return await fixture.Product.DotNet.RunAsync(
            Path,
            ["cake", $"--target={target}", "--verbosity=normal", .. arguments],
            new Dictionary<string, string?> { ["CAKE_PATHS_ADDINS"] = Cake.CakeScript.AddinsFolder(fixture.Product), ["NO_COLOR"] = "1" });
    }
}
