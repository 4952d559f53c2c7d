using System.Text;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

public sealed class CodeCaptureTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static Task<Recipe> Capture(string project, IReadOnlyList<string>? excluded = null, IReadOnlyList<string>? data = null) =>
        RecipeCapture.CaptureAsync(new CaptureOptions { ProjectDirectory = project, ExcludedPaths = excluded ?? [], Data = data ?? [], GetVariable = Variables.None });

    [Fact]
    public async Task Clean_repository_records_commit_and_branch()
    {
        var root = Git.InitWithCommit(temp);

        var code = (await Capture(root)).Code!;

        Assert.True(code.IsRepository);
        Assert.Equal(Git.Head(root), code.Commit);
        Assert.Equal("main", code.Branch);
        Assert.False(code.Detached);
        Assert.False(code.Dirty);
        Assert.Null(code.DirtyDigest);
        Assert.Equal(".", code.ProjectPath);
        Assert.False(code.Shallow);
        Assert.Null(code.Tag);
    }

    [Fact]
    public async Task Branch_other_than_main_is_recorded_by_name()
    {
        var root = Git.InitWithCommit(temp);
        Git.Run(root, "checkout", "-q", "-b", "feature/bigger-model");
        var commit = Git.Commit(root, "train.py", "print('bigger')\n", "Bigger");

        var code = (await Capture(root)).Code!;

        Assert.Equal("feature/bigger-model", code.Branch);
        Assert.Equal(commit, code.Commit);
    }

    [Fact]
    public async Task Detached_head_has_no_branch()
    {
        var root = Git.InitWithCommit(temp);
        var first = Git.Head(root);
        Git.Commit(root, "train.py", "print('second')\n", "Second");
        Git.Run(root, "checkout", "-q", "--detach", first);

        var code = (await Capture(root)).Code!;

        Assert.True(code.Detached);
        Assert.Null(code.Branch);
        Assert.Equal(first, code.Commit);
    }

    [Fact]
    public async Task Tag_pointing_at_head_is_recorded_and_older_tags_are_not()
    {
        var root = Git.InitWithCommit(temp);
        Git.Run(root, "tag", "v0.9");
        Git.Commit(root, "train.py", "print('v1')\n", "Release");
        Git.Run(root, "tag", "-a", "v1.0", "-m", "Release 1.0");

        var code = (await Capture(root)).Code!;

        Assert.Equal("v1.0", code.Tag);
    }

    [Fact]
    public async Task Uncommitted_changes_are_flagged_with_a_digest_that_follows_the_edits()
    {
        var root = Git.InitWithCommit(temp);
        var script = Path.Combine(root, "train.py");

        File.WriteAllText(script, "print('edit one')\n");
        var first = (await Capture(root)).Code!;
        var again = (await Capture(root)).Code!;
        File.WriteAllText(script, "print('edit two')\n");
        var second = (await Capture(root)).Code!;
        File.WriteAllText(Path.Combine(root, "notes.txt"), "untracked\n");
        var withUntracked = (await Capture(root)).Code!;
        File.WriteAllText(Path.Combine(root, "notes.txt"), "untracked, edited\n");
        var untrackedEdited = (await Capture(root)).Code!;
        File.Delete(Path.Combine(root, "notes.txt"));
        File.WriteAllText(script, "print('training')\n");
        var reverted = (await Capture(root)).Code!;

        Assert.True(first.Dirty);
        Assert.NotNull(first.DirtyDigest);
        Assert.Equal(first.DirtyDigest, again.DirtyDigest);
        Assert.NotEqual(first.DirtyDigest, second.DirtyDigest);
        Assert.NotEqual(second.DirtyDigest, withUntracked.DirtyDigest);
        Assert.NotEqual(withUntracked.DirtyDigest, untrackedEdited.DirtyDigest);
        Assert.False(reverted.Dirty);
        Assert.Null(reverted.DirtyDigest);
    }

    [Fact]
    public async Task Deleted_tracked_file_makes_the_tree_dirty()
    {
        var root = Git.InitWithCommit(temp);
        File.Delete(Path.Combine(root, "train.py"));

        var code = (await Capture(root)).Code!;

        Assert.True(code.Dirty);
    }

    [Fact]
    public async Task Outputs_and_declared_data_stay_out_of_the_uncommitted_changes()
    {
        var root = Git.InitWithCommit(temp);
        var model = temp.Write("repo/out/model.zip", "weights");
        temp.Write("repo/.model-registry/registry.json", "{}");
        temp.Write("repo/data/train.csv", "a,b\n1,2\n");

        var code = (await Capture(root, excluded: [model, Path.Combine(root, ".model-registry")], data: ["data"])).Code!;

        Assert.False(code.Dirty);
    }

    [Fact]
    public async Task Project_inside_a_monorepo_records_its_path_and_only_its_own_and_parent_lock_files()
    {
        var root = Git.InitWithCommit(temp);
        temp.Write("repo/poetry.lock", "root lock");
        temp.Write("repo/ml/fraud/requirements.txt", "scikit-learn==1.5.0\n");
        temp.Write("repo/ml/fraud/sub/packages.lock.json", "{}");
        temp.Write("repo/ml/churn/requirements.txt", "torch==2.4.0\n");
        temp.Write("repo/web/package-lock.json", "{}");
        Git.Run(root, "add", "-A");
        Git.Run(root, "commit", "-q", "-m", "Projects");
        temp.Write("repo/ml/fraud/uv.lock", "untracked lock");

        var recipe = await Capture(Path.Combine(root, "ml", "fraud"));

        Assert.Equal("ml/fraud", recipe.Code!.ProjectPath);
        Assert.Equal(
            ["ml/fraud/requirements.txt", "ml/fraud/sub/packages.lock.json", "ml/fraud/uv.lock", "poetry.lock"],
            recipe.Environment!.LockFiles.Select(l => l.Path));
        Assert.Equal(Content.Sha256Digest.Of(Encoding.UTF8.GetBytes("root lock")), recipe.Environment.LockFiles.Single(l => l.Path == "poetry.lock").Digest);
    }

    [Fact]
    public async Task Shallow_clone_is_detected_and_reported_with_a_coded_warning()
    {
        var origin = Git.InitWithCommit(temp, "origin");
        Git.Commit(origin, "train.py", "print('two')\n", "Two");
        var head = Git.Commit(origin, "train.py", "print('three')\n", "Three");
        var clone = temp.Combine("clone");
        Git.Run(temp.Path, "clone", "-q", "--depth", "1", new Uri(origin).AbsoluteUri, clone);

        var recipe = await Capture(clone);

        Assert.True(recipe.Code!.Shallow);
        Assert.Equal(head, recipe.Code.Commit);
        Assert.Contains(recipe.Warnings, w => w.StartsWith("MRB1552:", StringComparison.Ordinal));
        Assert.StartsWith("file://", recipe.Code.RepositoryUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_url_token_is_never_recorded()
    {
        const string token = "ghp_LineageSecret0123456789";
        var root = Git.InitWithCommit(temp);
        Git.Run(root, "remote", "add", "origin", $"https://x-access-token:{token}@github.com/contoso/fraud.git");

        var recipe = await Capture(root);

        Assert.Equal("https://github.com/contoso/fraud.git", recipe.Code!.RepositoryUrl);
        Assert.DoesNotContain(token, Encoding.UTF8.GetString(RegistryJson.Serialize(recipe)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssh_remote_keeps_its_user()
    {
        var root = Git.InitWithCommit(temp);
        Git.Run(root, "remote", "add", "origin", "git@github.com:contoso/fraud.git");

        var recipe = await Capture(root);

        Assert.Equal("git@github.com:contoso/fraud.git", recipe.Code!.RepositoryUrl);
    }

    [Fact]
    public async Task Folder_outside_any_repository_is_recorded_as_such_with_a_warning()
    {
        var folder = temp.Folder("plain");
        temp.Write("plain/requirements-dev.txt", "pytest\n");
        temp.Write("plain/node_modules/x/package-lock.json", "{}");

        var recipe = await Capture(folder);

        Assert.False(recipe.Code!.IsRepository);
        Assert.Null(recipe.Code.Commit);
        Assert.Contains(recipe.Warnings, w => w.StartsWith("MRB1551:", StringComparison.Ordinal));
        Assert.Equal([Path.Combine(folder, "requirements-dev.txt")], recipe.Environment!.LockFiles.Select(l => l.Path));
    }

    [Fact]
    public async Task Repository_without_commits_warns_and_records_the_changes()
    {
        var root = temp.Folder("empty");
        Git.Run(root, "init", "-q");
        temp.Write("empty/train.py", "print('new')\n");

        var recipe = await Capture(root);

        Assert.True(recipe.Code!.IsRepository);
        Assert.Null(recipe.Code.Commit);
        Assert.True(recipe.Code.Dirty);
        Assert.Contains(recipe.Warnings, w => w.StartsWith("MRB1554:", StringComparison.Ordinal));
    }
}
