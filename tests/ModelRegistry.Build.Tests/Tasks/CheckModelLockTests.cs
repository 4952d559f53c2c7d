using ModelRegistry.Runtime;
using ModelRegistry.Build.Tasks;
using ModelRegistry.Build.Tests.Infrastructure;
using ModelRegistry.Content;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Tasks;

public sealed class CheckModelLockTests : IDisposable
{
    private static readonly LockedModel Fraud = new("FraudDetection", "Production", 4, "sha256:" + new string('a', 64), [new ArtifactFile("model.bin", 5, "sha256:" + new string('b', 64))]);

    private static readonly string FraudHex = new('a', 64);

    private readonly TempFolder folder = new();
    private readonly FakeBuildEngine engine = new();

    public CheckModelLockTests()
    {
        new ModelLockFile([Fraud]).WriteIfChanged(folder.Combine("models.lock.json"));
        // Warmed the way a restore warms it: staged, then installed (which stamps the files as verified).
        var cache = new ModelRegistry.Runtime.ModelCacheFolder(folder.Combine("cache"));
        using var staging = cache.NewStagingFolder(Fraud.Digest);
        File.WriteAllText(Path.Combine(staging.Path, "model.bin"), "hello");
        cache.Install(staging, Fraud.Digest, Fraud.Files);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_lock_that_answers_every_reference_with_a_warm_cache_is_up_to_date_and_yields_the_items()
    {
        var task = Task(Item("FraudDetection", ("Version", "production")));

        Assert.True(task.Execute());

        Assert.True(task.UpToDate);
        var reference = Assert.Single(task.ResolvedReferences);
        Assert.Equal(("FraudDetection", "4", Fraud.Digest), (reference.ItemSpec, reference.GetMetadata("ResolvedVersion"), reference.GetMetadata("Digest")));
        Assert.Equal(Path.Combine("models", "FraudDetection"), reference.GetMetadata("TargetPath"));
        var file = Assert.Single(task.ModelFiles);
        Assert.Equal(folder.Combine("cache", "sha256", FraudHex, "model.bin"), file.ItemSpec);
        Assert.Equal(Path.Combine("models", "FraudDetection", "model.bin"), file.GetMetadata("TargetPath"));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_changed_version_reference_is_not_up_to_date() =>
        AssertStale(Task(Item("FraudDetection", ("Version", "Staging"))));

    [Fact]
    public void A_reference_the_lock_does_not_know_is_not_up_to_date() =>
        AssertStale(Task(Item("FraudDetection", ("Version", "Production")), Item("Churn")));

    [Fact]
    public void A_lock_entry_no_reference_needs_is_not_up_to_date() =>
        AssertStale(Task());

    [Fact]
    public void A_cache_missing_the_file_is_not_up_to_date()
    {
        File.Delete(folder.Combine("cache", "sha256", FraudHex, "model.bin"));

        AssertStale(Task(Item("FraudDetection", ("Version", "Production"))));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Refresh_and_locked_mode_always_go_to_the_registry(bool refresh, bool locked)
    {
        var task = Task(Item("FraudDetection", ("Version", "Production")));
        task.Refresh = refresh;
        task.LockedMode = locked;

        AssertStale(task);
    }

    [Fact]
    public void An_unreadable_lock_is_left_for_the_restore_to_report()
    {
        folder.Write("models.lock.json", "<<<<<<< HEAD");

        AssertStale(Task(Item("FraudDetection", ("Version", "Production"))));
    }

    private CheckModelLock Task(params Microsoft.Build.Framework.ITaskItem[] references) => new()
    {
        BuildEngine = engine,
        References = references,
        LockFile = folder.Combine("models.lock.json"),
        CacheRoot = folder.Combine("cache"),
    };

    private void AssertStale(CheckModelLock task)
    {
        Assert.True(task.Execute());
        Assert.False(task.UpToDate);
        Assert.Empty(task.ResolvedReferences);
        Assert.Empty(task.ModelFiles);
        Assert.Empty(engine.Errors);
    }
}
