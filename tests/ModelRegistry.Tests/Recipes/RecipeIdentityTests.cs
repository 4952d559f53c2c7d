using ModelRegistry.Content;
using ModelRegistry.Recipes;

namespace ModelRegistry.Tests.Recipes;

public class RecipeIdentityTests
{
    private static readonly ArtifactFile Model = new("model.zip", 10, "sha256:" + new string('a', 64));
    private static readonly ArtifactFile Vocab = new("vocab.txt", 5, "sha256:" + new string('b', 64));

    private static readonly Recipe Base = new()
    {
        Code = new CodeLineage { IsRepository = true, Commit = "abc123", Branch = "main" },
        Data = [new DataInput { Kind = "file", Source = "data/train.csv", Digest = "sha256:" + new string('c', 64) }],
        Config = [new ConfigInput { Path = "config.json", Digest = "sha256:" + new string('d', 64) }],
        Command = "python train.py",
        Environment = new EnvironmentLineage { Os = "linux", Runtime = "10.0.1", LockFiles = [new LockFile("packages.lock.json", "sha256:" + new string('e', 64))] },
    };

    private static string Identity(Recipe recipe, params ArtifactFile[] files) => RecipeIdentity.Compute(files, recipe);

    [Fact]
    public void Same_files_and_recipe_give_the_same_identity_whatever_the_file_order()
    {
        Assert.Equal(Identity(Base, Model, Vocab), Identity(Base, Vocab, Model));
        Assert.Matches("^sha256:[0-9a-f]{64}$", Identity(Base, Model));
    }

    [Fact]
    public void What_varies_between_identical_runs_does_not_change_the_identity()
    {
        var rerun = Base with
        {
            Ci = new CiRun { Provider = "github", RunId = "42", Actor = "someone" },
            Environment = Base.Environment! with { Os = "windows", Runtime = "10.0.2" },
            Code = Base.Code! with { Branch = "feature" },
            Warnings = ["MRB1501"],
        };

        Assert.Equal(Identity(Base, Model), Identity(rerun, Model));
    }

    public static TheoryData<string, Recipe> Changes() => new()
    {
        { "commit", Base with { Code = Base.Code! with { Commit = "def456" } } },
        { "uncommitted changes", Base with { Code = Base.Code! with { Dirty = true, DirtyDigest = "sha256:" + new string('f', 64) } } },
        { "data", Base with { Data = [Base.Data[0] with { Digest = "sha256:" + new string('0', 64) }] } },
        { "remote data etag", Base with { Data = [new DataInput { Kind = "azure-blob", Source = "https://x/y", ETag = "1" }] } },
        { "config", Base with { Config = [] } },
        { "command", Base with { Command = "python train.py --epochs 3" } },
        { "lock file", Base with { Environment = Base.Environment! with { LockFiles = [] } } },
        { "container image", Base with { Environment = Base.Environment! with { ContainerImage = "sha256:" + new string('1', 64) } } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_in_the_recipe_makes_a_new_identity(string change, Recipe changed)
    {
        Assert.True(Identity(Base, Model) != Identity(changed, Model), change);
    }

    [Fact]
    public void A_renamed_or_changed_file_makes_a_new_identity()
    {
        Assert.NotEqual(Identity(Base, Model), Identity(Base, Model with { Path = "other.zip" }));
        Assert.NotEqual(Identity(Base, Model), Identity(Base, Model with { Digest = Vocab.Digest }));
        Assert.NotEqual(Identity(Base, Model), Identity(Base, Model, Vocab));
    }
}
