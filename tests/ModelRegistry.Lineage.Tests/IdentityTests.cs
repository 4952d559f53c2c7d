using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

public sealed class IdentityTests : IDisposable
{
    private readonly TrainingRepo repo = new();

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task Same_recipe_registers_as_the_existing_version()
    {
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train.csv", "1,2\n");

        var first = await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data"], command: "python train.py"));
        var second = await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data"], command: "python train.py"));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Version!.Version, second.Version!.Version);
    }

    [Fact]
    public async Task Same_artifact_trained_on_changed_data_is_a_new_version()
    {
        repo.Write("out/model.bin", "weights");
        repo.Write("data/train.csv", "1,2\n");
        var first = await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data"]));
        repo.Write("data/train.csv", "1,2\n3,4\n");

        var second = await repo.RegisterAsync("Fraud", await repo.CaptureAsync(["data"]));

        Assert.True(second.Created);
        Assert.Equal(first.Version!.Version + 1, second.Version!.Version);
    }

    [Fact]
    public async Task Moving_the_same_data_elsewhere_keeps_the_identity()
    {
        repo.Write("data/v1/train.csv", "1,2\n");
        repo.Write("archive/train-copy/train.csv", "1,2\n");
        Git.Run(repo.Root, "add", "-A");
        Git.Run(repo.Root, "commit", "-q", "-m", "Data");

        var here = await repo.CaptureAsync(["data/v1"]);
        var there = await repo.CaptureAsync(["archive/train-copy"]);

        Assert.NotEqual(here.Data[0].Source, there.Data[0].Source);
        Assert.Equal(RecipeIdentity.Compute([], here), RecipeIdentity.Compute([], there));
    }

    [Fact]
    public async Task What_varies_between_identical_runs_does_not_count()
    {
        var recipe = await repo.CaptureAsync();
        var elsewhere = recipe with
        {
            Ci = new CiRun { Provider = "github-actions", RunId = "2", RunUrl = "https://github.com/c/f/actions/runs/2" },
            Environment = recipe.Environment! with { Os = "Windows 11", Runtime = ".NET 10.0.9", Architecture = "arm64" },
            Code = recipe.Code! with { Branch = "release", RepositoryUrl = "https://mirror.example.com/f.git", Tag = "v2", ProjectPath = "other" },
            Warnings = ["MRB1552: shallow"],
        };

        Assert.Equal(RecipeIdentity.Compute([], recipe), RecipeIdentity.Compute([], elsewhere));
    }

    [Fact]
    public async Task Code_config_command_locks_image_and_recorded_variables_count()
    {
        repo.Write("train.json", "{\"lr\": 0.1}");
        var recipe = await repo.CaptureAsync(config: ["train.json"], command: "python train.py");
        var baseline = RecipeIdentity.Compute([], recipe);

        repo.Write("train.json", "{\"lr\": 0.2}");
        var newConfig = await repo.CaptureAsync(config: ["train.json"], command: "python train.py");
        var newCommand = recipe with { Command = "python train.py --epochs 5" };
        var newCommit = recipe with { Code = recipe.Code! with { Commit = new string('a', 40) } };
        var dirty = recipe with { Code = recipe.Code! with { Dirty = true, DirtyDigest = "sha256:" + new string('b', 64) } };
        var newLock = recipe with { Environment = recipe.Environment! with { LockFiles = [new LockFile("requirements.txt", "sha256:" + new string('c', 64))] } };
        var newImage = recipe with { Environment = recipe.Environment! with { ContainerImage = "python@sha256:" + new string('d', 64) } };
        var newVariable = recipe with { Environment = recipe.Environment! with { Variables = new Dictionary<string, string> { ["SEED"] = "7" } } };

        Recipe[] changed = [newConfig, newCommand, newCommit, dirty, newLock, newImage, newVariable];
        Assert.All(changed, c => Assert.NotEqual(baseline, RecipeIdentity.Compute([], c)));
        Assert.Equal(changed.Length, changed.Select(c => RecipeIdentity.Compute([], c)).Distinct().Count());
    }

    [Fact]
    public void Blob_without_content_hash_is_identified_by_its_etag_and_with_one_by_its_md5()
    {
        var at1 = new Recipe { Data = [new DataInput { Kind = DataKinds.AzureBlob, Source = "https://a.blob.core.windows.net/c/d", ETag = "\"1\"" }] };
        var at2 = new Recipe { Data = [new DataInput { Kind = DataKinds.AzureBlob, Source = "https://a.blob.core.windows.net/c/d", ETag = "\"2\"" }] };
        var md5At1 = new Recipe { Data = [at1.Data[0] with { ContentMd5 = "md5:00ff" }] };
        var md5At2 = new Recipe { Data = [at2.Data[0] with { ContentMd5 = "md5:00ff" }] };

        Assert.NotEqual(RecipeIdentity.Compute([], at1), RecipeIdentity.Compute([], at2));
        Assert.Equal(RecipeIdentity.Compute([], md5At1), RecipeIdentity.Compute([], md5At2));
    }

    [Fact]
    public void Order_of_declared_inputs_does_not_count()
    {
        var a = new DataInput { Kind = DataKinds.File, Source = "a", Digest = "sha256:" + new string('1', 64) };
        var b = new DataInput { Kind = DataKinds.File, Source = "b", Digest = "sha256:" + new string('2', 64) };

        Assert.Equal(RecipeIdentity.Compute([], new Recipe { Data = [a, b] }), RecipeIdentity.Compute([], new Recipe { Data = [b, a] }));
    }
}
