using ModelRegistry.Lineage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Lineage;

/// <summary>Queries show paths as capture recorded them, finding the repository root without libgit2.</summary>
public sealed class PathDisplayTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_root_is_the_nearest_folder_with_a_git_folder_and_paths_inside_show_relative_to_it()
    {
        // arrange
        var root = temp.Combine("repo");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var data = temp.WriteFile("repo/data/train/part-1.csv", "1\n");

        // act
        var found = PathDisplay.FindRepositoryRoot(Path.GetDirectoryName(data)!);

        // assert
        Assert.Equal(root, found);
        Assert.Equal("data/train/part-1.csv", new PathDisplay(found).Show(data));
        Assert.Equal(temp.Combine("elsewhere.csv"), new PathDisplay(found).Show(temp.Combine("elsewhere.csv")));
    }

    [Fact]
    public void A_git_file_marks_the_root_of_a_worktree()
    {
        // arrange
        var worktree = temp.Combine("worktree");
        temp.WriteFile("worktree/.git", "gitdir: /elsewhere/.git/worktrees/worktree\n");
        Directory.CreateDirectory(Path.Combine(worktree, "src", "trainer"));

        // act
        var found = PathDisplay.FindRepositoryRoot(Path.Combine(worktree, "src", "trainer"));

        // assert
        Assert.Equal(worktree, found);
    }
}
