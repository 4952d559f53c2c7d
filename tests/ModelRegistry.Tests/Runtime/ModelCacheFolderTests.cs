using ModelRegistry.Content;
using ModelRegistry.Runtime;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Runtime;

public sealed class ModelCacheFolderTests : IDisposable
{
    private static readonly string Digest = "sha256:" + new string('a', 64);
    private static readonly ArtifactFile[] Files = [new("sub/model.bin", 5, "sha256:" + new string('b', 64))];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_installed_version_is_held_in_its_digest_folder_and_the_staging_folder_is_gone()
    {
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        var staging = Staging(cache, "hello");

        cache.Install(staging, Digest, Files);

        Assert.True(cache.Holds(Digest, Files));
        Assert.Equal(temp.Combine("cache", "sha256", new string('a', 64), "sub", "model.bin"), cache.FileOf(Digest, "sub/model.bin"));
        Assert.Equal("hello", File.ReadAllText(cache.FileOf(Digest, "sub/model.bin")));
        Assert.False(Directory.Exists(staging.Path));
    }

    [Fact]
    public void A_file_of_the_wrong_size_means_the_version_is_not_held_and_installing_again_replaces_it()
    {
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        cache.Install(Staging(cache, "hello"), Digest, Files);
        File.WriteAllText(cache.FileOf(Digest, "sub/model.bin"), "damaged!");
        Assert.False(cache.Holds(Digest, Files));

        cache.Install(Staging(cache, "hello"), Digest, Files);

        Assert.Equal("hello", File.ReadAllText(cache.FileOf(Digest, "sub/model.bin")));
    }

    [Fact]
    public void A_file_changed_by_hand_to_the_same_size_is_not_a_hit_and_installing_again_replaces_it()
    {
        // arrange
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        cache.Install(Staging(cache, "hello"), Digest, Files);
        Assert.True(cache.Holds(Digest, Files));

        // act: same size, other bytes (a later write time, as any edit gives)
        var path = cache.FileOf(Digest, "sub/model.bin");
        File.WriteAllText(path, "HELLO");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        // assert
        Assert.False(cache.Holds(Digest, Files));
        cache.Install(Staging(cache, "hello"), Digest, Files);
        Assert.Equal("hello", File.ReadAllText(path));
        Assert.True(cache.Holds(Digest, Files));
    }

    [Fact]
    public void A_version_folder_without_the_stamp_the_cache_writes_after_verifying_is_not_a_hit()
    {
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        cache.Install(Staging(cache, "hello"), Digest, Files);

        File.Delete(Path.Combine(cache.FolderOf(Digest), ".model-registry-verified"));

        Assert.False(cache.Holds(Digest, Files));
    }

    [Fact]
    public void When_another_process_installed_the_version_first_its_copy_stays()
    {
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        cache.Install(Staging(cache, "first"), Digest, Files);
        var second = Staging(cache, "again");

        cache.Install(second, Digest, Files);

        Assert.Equal("first", File.ReadAllText(cache.FileOf(Digest, "sub/model.bin")));
        Assert.False(Directory.Exists(second.Path));
    }

    [Theory]
    [InlineData("../escape.bin")]
    [InlineData("/etc/passwd")]
    public void A_path_outside_the_version_folder_is_refused(string path) =>
        Assert.Equal("MRB1108", Assert.Throws<RegistryException>(() => new ModelCacheFolder(temp.Path).FileOf(Digest, path)).Code);

    [Fact]
    public void A_digest_that_is_not_sha256_hex_is_refused() =>
        Assert.Equal("MRB1002", Assert.Throws<RegistryException>(() => new ModelCacheFolder(temp.Path).FolderOf("sha256:../../x")).Code);

    [Fact]
    public void The_default_root_is_in_the_home_folder() =>
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".model-registry", "cache"), new ModelCacheFolder().Root);

    [Fact]
    public void A_staging_folder_a_killed_process_left_is_removed_by_the_next_one_and_a_claimed_one_stays()
    {
        // arrange: one staging folder whose process is gone (its lock file is there, unheld), one still in use
        var cache = new ModelCacheFolder(temp.Combine("cache"));
        var abandoned = temp.Combine("cache", ".staging", "aaaaaaaaaaaa-0123");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, ".model-registry-staging.lock"), "");
        File.WriteAllText(Path.Combine(abandoned, "weights.partial"), new string('x', 4096));
        using var live = Staging(cache, "in flight");

        // act
        using var next = cache.NewStagingFolder(Digest);

        // assert
        Assert.False(Directory.Exists(abandoned));
        Assert.Equal("in flight", File.ReadAllText(Path.Combine(live.Path, "sub", "model.bin")));
        Assert.True(Directory.Exists(next.Path));
    }

    private static StagingFolder Staging(ModelCacheFolder cache, string content)
    {
        var staging = cache.NewStagingFolder(Digest);
        Directory.CreateDirectory(Path.Combine(staging.Path, "sub"));
        File.WriteAllText(Path.Combine(staging.Path, "sub", "model.bin"), content);
        return staging;
    }
}
