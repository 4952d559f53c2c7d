using ModelRegistry.Runtime;
using ModelRegistry.Build.Tasks;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Tasks;

/// <summary>The restore task against a real folder registry and the real tool, run out of process as in a build.</summary>
public sealed class RestoreModelReferencesTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeBuildEngine engine = new();
    private readonly SeededRegistry registry;

    public RestoreModelReferencesTests()
    {
        registry = new SeededRegistry(folder.Combine("registry"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_first_restore_resolves_pulls_into_the_cache_and_writes_the_lock()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        await registry.PromoteAsync("FraudDetection@1", "Production");
        var task = Task(Item("FraudDetection", ("Version", "Production")));

        Assert.True(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        var locked = Assert.Single(ModelLockFile.Read(folder.Combine("models.lock.json"))!.Models);
        Assert.Equal(("FraudDetection", "Production", 1), (locked.Model, locked.Requested, locked.Version));
        var file = Assert.Single(task.ModelFiles);
        Assert.Equal("v1", File.ReadAllText(file.ItemSpec));
        Assert.StartsWith(folder.Combine("cache", "sha256"), file.ItemSpec, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Combine("cache", ".staging")));
    }

    [Fact]
    public async Task Two_references_from_a_cold_cache_start_one_tool_process()
    {
        // arrange: a dotnet host that notes every start, then runs the real one
        await registry.RegisterAsync("FraudDetection", "v1");
        await registry.RegisterAsync("Churn", "c1");
        var starts = folder.Combine("starts.log");
        var host = CountingHost(starts);
        var task = Task(Item("FraudDetection"), Item("Churn", ("Version", "1")));
        task.DotNetHost = host;

        // act
        Assert.True(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        // assert
        var start = Assert.Single(File.ReadAllLines(starts));
        Assert.Contains(" restore FraudDetection@latest Churn@1 ", start, StringComparison.Ordinal);
        Assert.Equal(2, task.ModelFiles.Length);
        Assert.All(task.ModelFiles, f => Assert.True(File.Exists(f.ItemSpec)));
    }

    [Fact]
    public async Task Locked_mode_reports_MRB1601_when_the_stage_moved_and_leaves_the_lock_alone()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        await registry.PromoteAsync("FraudDetection@1", "Production");
        Assert.True(Task(Item("FraudDetection", ("Version", "Production"))).Execute());
        var before = File.ReadAllText(folder.Combine("models.lock.json"));
        await registry.RegisterAsync("FraudDetection", "v2");
        await registry.PromoteAsync("FraudDetection@2", "Production");
        var task = Task(Item("FraudDetection", ("Version", "Production")));
        task.LockedMode = true;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("MRB1601", error.Code);
        Assert.Equal("/project/Test.csproj", error.File);
        Assert.Equal(before, File.ReadAllText(folder.Combine("models.lock.json")));
    }

    [Fact]
    public async Task Locked_mode_reports_MRB1602_for_a_reference_the_lock_does_not_pin_and_MRB1603_for_a_stale_entry()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        await registry.RegisterAsync("Churn", "c1");
        Assert.True(Task(Item("FraudDetection")).Execute());

        var missing = Task(Item("FraudDetection"), Item("Churn"));
        missing.LockedMode = true;
        Assert.False(missing.Execute());
        Assert.Equal(["MRB1602"], engine.ErrorCodes);

        engine.Errors.Clear();
        folder.Write("models.lock.json", File.ReadAllText(folder.Combine("models.lock.json")));
        var stale = Task();
        stale.LockedMode = true;
        Assert.False(stale.Execute());
        Assert.Equal(["MRB1603"], engine.ErrorCodes);
    }

    [Fact]
    public void A_model_referenced_twice_is_MRB1605_before_any_process_starts()
    {
        var task = Task(Item("FraudDetection"), Item("frauddetection", ("Version", "2")));
        task.CliPath = folder.Combine("no-such-tool.dll");

        Assert.False(task.Execute());

        Assert.Equal(["MRB1605"], engine.ErrorCodes);
    }

    [Theory]
    [InlineData("Production!", "MRB1615")]
    [InlineData("sha256:abc", "MRB1615")]
    public void A_version_that_is_not_a_reference_is_refused_before_any_process_starts(string version, string code)
    {
        var task = Task(Item("FraudDetection", ("Version", version)));
        task.CliPath = folder.Combine("no-such-tool.dll");

        Assert.False(task.Execute());

        Assert.Equal([code], engine.ErrorCodes);
    }

    [Fact]
    public void A_missing_tool_is_MRB1610()
    {
        var task = Task(Item("FraudDetection"));
        task.CliPath = folder.Combine("no-such-tool.dll");

        Assert.False(task.Execute());

        Assert.Equal(["MRB1610"], engine.ErrorCodes);
    }

    [Fact]
    public void A_dotnet_host_that_cannot_start_is_MRB1616()
    {
        var task = Task(Item("FraudDetection"));
        task.DotNetHost = folder.Combine("no-such-dotnet");

        Assert.False(task.Execute());

        Assert.Equal(["MRB1616"], engine.ErrorCodes);
    }

    [Fact]
    public void A_model_the_registry_does_not_have_relays_the_tool_error()
    {
        Assert.False(Task(Item("Nobody")).Execute());

        Assert.Equal(["MRB1003"], engine.ErrorCodes);
        Assert.False(File.Exists(folder.Combine("models.lock.json")));
    }

    [Fact]
    public async Task A_version_retention_purged_fails_the_restore_naming_the_purge_revision()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        await registry.RegisterAsync("FraudDetection", "v2");
        var engineRegistry = await ModelRegistry.Registry.OpenAsync(registry.Path);
        await engineRegistry.SetRetentionAsync(new ModelRegistry.Retention.RetentionChange { Policy = new ModelRegistry.Retention.RetentionPolicy { KeepLast = 1 } });
        foreach (var file in Directory.EnumerateFiles(registry.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        var purge = (await engineRegistry.CollectGarbageAsync(new ModelRegistry.GcRequest { Apply = true })).Models.Single().PurgeRevision;

        Assert.False(Task(Item("FraudDetection", ("Version", "1"))).Execute());
        Assert.Equal(["MRB1230"], engine.ErrorCodes);
        Assert.Contains($"purged by retention in revision {purge}", engine.Errors.Single().Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Combine("models.lock.json")));
        Assert.True(Task(Item("FraudDetection", ("Version", "2"))).Execute());
    }

    [Fact]
    public async Task An_unreadable_lock_is_MRB1604_and_a_refresh_writes_it_again()
    {
        await registry.RegisterAsync("FraudDetection", "v1");
        folder.Write("models.lock.json", "<<<<<<< HEAD\n");

        Assert.False(Task(Item("FraudDetection")).Execute());
        Assert.Equal(["MRB1604"], engine.ErrorCodes);

        engine.Errors.Clear();
        var refresh = Task(Item("FraudDetection"));
        refresh.Refresh = true;
        Assert.True(refresh.Execute());
        Assert.Equal(1, ModelLockFile.Read(folder.Combine("models.lock.json"))!.Find("FraudDetection")!.Version);
    }

    private string CountingHost(string starts)
    {
        if (OperatingSystem.IsWindows())
        {
            return folder.Write("counting-dotnet.cmd", $"@echo %* >> \"{starts}\"\r\n@\"{ProductPaths.DotNetHost}\" %*\r\n");
        }

        var host = folder.Write("counting-dotnet", $"#!/bin/sh\necho \"$*\" >> '{starts}'\nexec '{ProductPaths.DotNetHost}' \"$@\"\n");
        File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return host;
    }

    private RestoreModelReferences Task(params Microsoft.Build.Framework.ITaskItem[] references) => new()
    {
        BuildEngine = engine,
        References = references,
        LockFile = folder.Combine("models.lock.json"),
        CacheRoot = folder.Combine("cache"),
        Registry = registry.Path,
        CliPath = ProductPaths.Cli,
        ProjectDirectory = folder.Path,
        ProjectFile = "/project/Test.csproj",
    };
}
