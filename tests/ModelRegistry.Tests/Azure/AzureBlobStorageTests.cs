using System.Security.Cryptography;
using System.Text;
using ModelRegistry.Storage;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>The Azure backend's own promises, checked on the wire against Azurite.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureBlobStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Create_on_an_existing_name_gets_409_and_leaves_the_first_content()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var storage = azurite.NewStorage("create409", new AzureStorageOptions { PerTryPolicies = [recorder] });
        await storage.CreateAsync("models/m/log/1.json", Encoding.UTF8.GetBytes("first"));
        recorder.Clear();

        // act
        var outcome = await storage.CreateAsync("models/m/log/1.json", Encoding.UTF8.GetBytes("second"));

        // assert
        Assert.Equal(CreateOutcome.AlreadyExists, outcome);
        var put = Assert.Single(recorder.Snapshot());
        Assert.Equal(("PUT", "*", 409), (put.Method, put.IfNoneMatch, put.Status));
        var stored = await storage.ReadAsync("models/m/log/1.json");
        Assert.Equal("first", Encoding.UTF8.GetString(stored!.Content.Span));
    }

    [Fact]
    public async Task Read_with_the_current_etag_costs_one_request_answered_304_without_a_body()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var storage = azurite.NewStorage("revalidate", new AzureStorageOptions { PerTryPolicies = [recorder] });
        await storage.CreateAsync("models/m/state.json", Encoding.UTF8.GetBytes("{\"revision\":1}"));
        var first = await storage.ReadAsync("models/m/state.json");
        recorder.Clear();

        // act
        var again = await storage.ReadAsync("models/m/state.json", first!.ETag);

        // assert
        Assert.True(again!.NotModified);
        Assert.Equal(first.ETag, again.ETag);
        Assert.True(again.Content.IsEmpty);
        var get = Assert.Single(recorder.Snapshot());
        Assert.Equal((304, first.ETag), (get.Status, get.IfNoneMatch));
        Assert.True(get.ResponseLength is null or 0);
    }

    [Fact]
    public async Task Read_after_a_change_returns_the_new_content_and_etag()
    {
        // arrange
        var storage = azurite.NewStorage("changed");
        await storage.CreateAsync("models/m/state.json", Encoding.UTF8.GetBytes("one"));
        var first = await storage.ReadAsync("models/m/state.json");
        Assert.True(await storage.ReplaceAsync("models/m/state.json", Encoding.UTF8.GetBytes("two"), first!.ETag));

        // act
        var after = await storage.ReadAsync("models/m/state.json", first.ETag);

        // assert
        Assert.False(after!.NotModified);
        Assert.NotEqual(first.ETag, after.ETag);
        Assert.Equal("two", Encoding.UTF8.GetString(after.Content.Span));
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_gets_412_and_changes_nothing()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var storage = azurite.NewStorage("stale", new AzureStorageOptions { PerTryPolicies = [recorder] });
        await storage.CreateAsync("models/m/state.json", Encoding.UTF8.GetBytes("one"));
        var stale = (await storage.ReadAsync("models/m/state.json"))!.ETag;
        Assert.True(await storage.ReplaceAsync("models/m/state.json", Encoding.UTF8.GetBytes("two"), stale));
        recorder.Clear();

        // act
        var replaced = await storage.ReplaceAsync("models/m/state.json", Encoding.UTF8.GetBytes("three"), stale);

        // assert
        Assert.False(replaced);
        var put = Assert.Single(recorder.Snapshot());
        Assert.Equal((412, stale), (put.Status, put.IfMatch));
        Assert.Equal("two", Encoding.UTF8.GetString((await storage.ReadAsync("models/m/state.json"))!.Content.Span));
    }

    [Fact]
    public async Task A_block_upload_puts_If_None_Match_on_the_Put_Block_List_that_commits_it()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var options = new AzureStorageOptions { BlockSize = 64 << 10, SingleUploadLimit = 64 << 10, Concurrency = 3, PerTryPolicies = [recorder] };
        var storage = azurite.NewStorage("blocklist", options);
        var content = RandomNumberGenerator.GetBytes((1 << 20) + 123);

        // act
        var outcome = await storage.UploadAsync("blobs/sha256/ab/big", new MemoryStream(content), content.Length);

        // assert
        Assert.Equal(CreateOutcome.Created, outcome);
        var requests = recorder.Snapshot();
        var stages = requests.Where(r => r.Comp == "block").ToList();
        Assert.Equal(17, stages.Count);
        Assert.All(stages, s => Assert.Null(s.IfNoneMatch));
        var commit = Assert.Single(requests, r => r.Comp == "blocklist");
        Assert.Equal(("PUT", "*", 201), (commit.Method, commit.IfNoneMatch, commit.Status));
        Assert.InRange(recorder.MaxStagesInFlight, 1, 3);
        await using var stored = (await storage.OpenReadAsync("blobs/sha256/ab/big"))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task A_block_upload_onto_an_existing_name_is_refused_at_the_commit_and_keeps_the_first_content()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var options = new AzureStorageOptions { BlockSize = 64 << 10, SingleUploadLimit = 64 << 10, PerTryPolicies = [recorder] };
        var storage = azurite.NewStorage("blockexists", options);
        var first = RandomNumberGenerator.GetBytes(200_000);
        var second = RandomNumberGenerator.GetBytes(200_000);
        await storage.UploadAsync("blobs/x", new MemoryStream(first), first.Length);
        recorder.Clear();

        // act
        var outcome = await storage.UploadAsync("blobs/x", new MemoryStream(second), second.Length);

        // assert
        Assert.Equal(CreateOutcome.AlreadyExists, outcome);
        var commit = Assert.Single(recorder.Snapshot(), r => r.Comp == "blocklist");
        Assert.Equal(("*", 409), (commit.IfNoneMatch, commit.Status));
        await using var stored = (await storage.OpenReadAsync("blobs/x"))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(first, copy.ToArray());
    }

    [Fact]
    public async Task A_source_that_fails_midway_commits_nothing()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var options = new AzureStorageOptions { BlockSize = 64 << 10, SingleUploadLimit = 64 << 10, PerTryPolicies = [recorder] };
        var storage = azurite.NewStorage("failsource", options);
        var content = RandomNumberGenerator.GetBytes(500_000);

        // act
        var error = await Assert.ThrowsAsync<IOException>(() => storage.UploadAsync("blobs/y", new FailingStream(content, failAt: 300_000), content.Length));

        // assert
        Assert.Equal(FailingStream.Message, error.Message);
        Assert.DoesNotContain(recorder.Snapshot(), r => r.Comp == "blocklist");
        Assert.Null(await storage.GetInfoAsync("blobs/y"));
    }

    [Fact]
    public async Task A_stream_shorter_than_announced_is_never_committed()
    {
        // arrange
        var storage = azurite.NewStorage("short", new AzureStorageOptions { BlockSize = 64 << 10, SingleUploadLimit = 64 << 10 });
        var content = RandomNumberGenerator.GetBytes(100_000);

        // act
        await Assert.ThrowsAsync<InvalidDataException>(() => storage.UploadAsync("blobs/z", new MemoryStream(content), content.Length + 10));

        // assert
        Assert.Null(await storage.GetInfoAsync("blobs/z"));
    }

    [Fact]
    public async Task A_missing_container_reads_as_empty_and_the_first_write_creates_it()
    {
        // arrange
        var storage = azurite.NewStorage("lazy");

        // act
        var before = await storage.ReadAsync("registry.json");
        var listed = await ToListAsync(storage.ListAsync(""));
        var info = await storage.GetInfoAsync("registry.json");
        var outcome = await storage.CreateAsync("registry.json", Encoding.UTF8.GetBytes("{}"));

        // assert
        Assert.Null(before);
        Assert.Empty(listed);
        Assert.Null(info);
        Assert.Equal(CreateOutcome.Created, outcome);
        Assert.True((await storage.Container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Two_registries_under_prefixes_of_one_container_see_only_their_own_objects()
    {
        // arrange
        var container = azurite.NewContainerName("prefixes");
        var teamA = AzureConnector.Open($"{azurite.BlobEndpoint}/{container}/teams/a", connectionString: null);
        var teamAb = AzureConnector.Open($"{azurite.BlobEndpoint}/{container}/teams/ab", connectionString: null);
        await teamA.CreateAsync("models/m/log/1.json", Encoding.UTF8.GetBytes("a"));
        await teamA.CreateAsync("registry.json", Encoding.UTF8.GetBytes("{}"));
        await teamAb.CreateAsync("models/m/log/1.json", Encoding.UTF8.GetBytes("ab"));

        // act
        var all = await ToListAsync(teamA.ListAsync(""));
        var models = await ToListAsync(teamA.ListAsync("models/"));

        // assert
        Assert.Equal(["models/m/log/1.json", "registry.json"], all.Select(o => o.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["models/m/log/1.json"], models.Select(o => o.Path));
        Assert.Equal(1, all[0].Size);
        Assert.Equal("a", Encoding.UTF8.GetString((await teamA.ReadAsync("models/m/log/1.json"))!.Content.Span));
        Assert.EndsWith($"/{container}/teams/a", teamA.DisplayLocation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_reports_size_etag_and_time()
    {
        // arrange
        var storage = azurite.NewStorage("info");
        await storage.CreateAsync("records/r.json", new byte[321]);

        // act
        var info = await storage.GetInfoAsync("records/r.json");
        var read = await storage.ReadAsync("records/r.json");

        // assert
        Assert.Equal(("records/r.json", 321L, read!.ETag), (info!.Path, info.Size, info.ETag));
        Assert.InRange(info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Delete_if_unchanged_ignores_a_missing_object()
    {
        // arrange
        var storage = azurite.NewStorage("delete");
        await storage.CreateAsync("blobs/old", new byte[3]);
        var seen = (await storage.GetInfoAsync("blobs/old"))!;

        // act
        var deleted = await storage.DeleteIfUnchangedAsync(seen);
        var again = await storage.DeleteIfUnchangedAsync(seen);

        // assert
        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await storage.GetInfoAsync("blobs/old"));
    }

    private static async Task<List<ObjectInfo>> ToListAsync(IAsyncEnumerable<ObjectInfo> items)
    {
        var list = new List<ObjectInfo>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A source whose disk fails partway through.</summary>
    private sealed class FailingStream(byte[] content, int failAt) : MemoryStream(content, writable: false)
    {
        public const string Message = "simulated disk failure";

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAt)
            {
                throw new IOException(Message);
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], cancellationToken);
        }
    }
}
