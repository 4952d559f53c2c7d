using ModelRegistry.Build.Cache;
using ModelRegistry.Build.Lock;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

public sealed class ModelCacheTests
{
    private static readonly LockedModel Model = new("FraudDetection", "Production", 1, "sha256:" + new string('a', 64), [new LockedFile("sub/model.bin", 5, "sha256:" + new string('b', 64))]);

    [Fact]
    public void An_installed_version_is_held_and_its_files_are_where_items_point()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Combine("cache"));
        var staging = StagingWithModel(cache, "hello");

        cache.Install(staging, Model);

        Assert.True(cache.Holds(Model));
        Assert.Equal("hello", File.ReadAllText(cache.FileOf(Model, Model.Files[0])));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void A_cached_file_with_the_wrong_size_means_the_version_is_not_held()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Combine("cache"));
        cache.Install(StagingWithModel(cache, "hello"), Model);

        File.WriteAllText(cache.FileOf(Model, Model.Files[0]), "hello, damaged");

        Assert.False(cache.Holds(Model));
    }

    [Fact]
    public void Installing_over_a_damaged_copy_replaces_it()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Combine("cache"));
        cache.Install(StagingWithModel(cache, "hello"), Model);
        File.Delete(cache.FileOf(Model, Model.Files[0]));

        cache.Install(StagingWithModel(cache, "hello"), Model);

        Assert.True(cache.Holds(Model));
    }

    [Fact]
    public void When_another_build_installed_the_version_first_its_copy_stays_and_the_staging_folder_goes()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Combine("cache"));
        cache.Install(StagingWithModel(cache, "first"), Model);
        var second = StagingWithModel(cache, "other");

        cache.Install(second, Model);

        Assert.Equal("first", File.ReadAllText(cache.FileOf(Model, Model.Files[0])));
        Assert.False(Directory.Exists(second));
    }

    private static string StagingWithModel(ModelCache cache, string content)
    {
        var staging = cache.NewStagingFolder(Model.DigestHex);
        Directory.CreateDirectory(Path.Combine(staging, "sub"));
        File.WriteAllText(Path.Combine(staging, "sub", "model.bin"), content);
        return staging;
    }
}
