using ModelRegistry.Storage;

namespace ModelRegistry.Tests.Conformance;

/// <summary>The storage primitives one by one: create-only, compare-and-swap, streamed upload, ETag revalidation.</summary>
public abstract partial class StorageConformanceTests
{
    [Fact]
    public async Task Create_is_exclusive_among_64_racing_writers_in_each_of_200_trials()
    {
        var storage = await CreateStorageAsync();
        var created = new int[RacingTrials];
        var winner = new int[RacingTrials];

        var failures = Race(RacingWriters, RacingTrials, (writer, trial) =>
        {
            var outcome = storage.CreateAsync($"race/{trial:D3}.json", Bytes($"writer {writer}")).GetAwaiter().GetResult();
            if (outcome == CreateOutcome.Created)
            {
                Interlocked.Increment(ref created[trial]);
                winner[trial] = writer;
            }
        });

        Assert.Empty(failures);
        for (var trial = 0; trial < RacingTrials; trial++)
        {
            Assert.True(created[trial] == 1, $"trial {trial}: {created[trial]} writers were told they created the object");
            var stored = await storage.ReadAsync($"race/{trial:D3}.json");
            Assert.Equal($"writer {winner[trial]}", Text(stored!));
        }
    }

    [Fact]
    public async Task Create_of_an_existing_name_changes_nothing()
    {
        var storage = await CreateStorageAsync();
        Assert.Equal(CreateOutcome.Created, await storage.CreateAsync("models/m/log/1.json", Bytes("first")));
        var before = await storage.GetInfoAsync("models/m/log/1.json");

        Assert.Equal(CreateOutcome.AlreadyExists, await storage.CreateAsync("models/m/log/1.json", Bytes("second, longer")));

        Assert.Equal("first", Text((await storage.ReadAsync("models/m/log/1.json"))!));
        Assert.Equal(before!.ETag, (await storage.GetInfoAsync("models/m/log/1.json"))!.ETag);
    }

    [Fact]
    public async Task Missing_objects_read_as_null()
    {
        var storage = await CreateStorageAsync();

        Assert.Null(await storage.ReadAsync("models/m/state.json"));
        Assert.Null(await storage.ReadAsync("models/m/state.json", "\"some-etag\""));
        Assert.Null(await storage.GetInfoAsync("blobs/sha256/00/missing"));
        Assert.Null(await storage.OpenReadAsync("blobs/sha256/00/missing"));
        Assert.Empty(await storage.ListAsync("models/").ToListAsync());
    }

    [Fact]
    public async Task Read_with_the_current_etag_answers_not_modified_and_a_changed_object_is_read_again()
    {
        var storage = await CreateStorageAsync();
        await storage.CreateAsync("models/m/state.json", Bytes("revision 1"));
        var first = await storage.ReadAsync("models/m/state.json");

        var revalidated = await storage.ReadAsync("models/m/state.json", first!.ETag);

        Assert.True(revalidated!.NotModified);
        Assert.Equal(first.ETag, revalidated.ETag);
        Assert.True(revalidated.Content.IsEmpty);
        Assert.Equal(first.ETag, (await storage.GetInfoAsync("models/m/state.json"))!.ETag);

        Assert.True(await storage.ReplaceAsync("models/m/state.json", Bytes("revision 2"), first.ETag));
        var changed = await storage.ReadAsync("models/m/state.json", first.ETag);
        Assert.False(changed!.NotModified);
        Assert.Equal("revision 2", Text(changed));
        Assert.NotEqual(first.ETag, changed.ETag);
    }

    [Fact]
    public async Task Replace_succeeds_only_with_the_current_etag()
    {
        var storage = await CreateStorageAsync();
        const string path = "models/m/state.json";

        Assert.False(await storage.ReplaceAsync(path, Bytes("x"), "\"not-there\""));
        Assert.Null(await storage.ReadAsync(path));
        Assert.True(await storage.ReplaceAsync(path, Bytes("AAAA"), ifMatch: null));
        Assert.False(await storage.ReplaceAsync(path, Bytes("BBBB"), ifMatch: null));
        var first = (await storage.ReadAsync(path))!;
        Assert.Equal("AAAA", Text(first));

        Assert.True(await storage.ReplaceAsync(path, Bytes("CCCC"), first.ETag));
        Assert.False(await storage.ReplaceAsync(path, Bytes("DDDD"), first.ETag));

        var now = (await storage.ReadAsync(path))!;
        Assert.Equal("CCCC", Text(now));
        Assert.True(await storage.ReplaceAsync(path, Bytes("EEEE"), now.ETag));
    }

    [Fact]
    public async Task Every_replacement_gets_a_new_etag_even_with_the_same_size_at_once()
    {
        var storage = await CreateStorageAsync();
        const string path = "models/m/state.json";
        await storage.CreateAsync(path, Bytes("0000"));
        var seen = new HashSet<string>(StringComparer.Ordinal) { (await storage.GetInfoAsync(path))!.ETag };

        for (var i = 1; i <= 50; i++)
        {
            var current = (await storage.GetInfoAsync(path))!.ETag;
            Assert.True(await storage.ReplaceAsync(path, Bytes($"{i:D4}"), current));
            var next = (await storage.GetInfoAsync(path))!.ETag;
            Assert.True(seen.Add(next), $"replacement {i} reused the etag {next}: a stale compare-and-swap would succeed");
        }
    }

    [Fact]
    public async Task Racing_replacements_with_the_same_etag_let_exactly_one_win()
    {
        var storage = await CreateStorageAsync();
        const string path = "models/m/state.json";
        await storage.CreateAsync(path, Bytes("start"));
        var wins = new int[ReplaceRounds];
        var won = new int[ReplaceRounds];
        using var phase = new Barrier(ReplaceRacers);

        var failures = Race(ReplaceRacers, ReplaceRounds, (racer, round) =>
        {
            // Every racer reads the etag before any of them replaces, so all hold the same one.
            string? etag = null;
            try
            {
                etag = storage.GetInfoAsync(path).GetAwaiter().GetResult()!.ETag;
            }
            finally
            {
                phase.SignalAndWait();
            }

            try
            {
                if (storage.ReplaceAsync(path, Bytes($"round {round} racer {racer}"), etag).GetAwaiter().GetResult())
                {
                    Interlocked.Increment(ref wins[round]);
                    won[round] = racer;
                }
            }
            finally
            {
                phase.SignalAndWait();
            }
        });

        Assert.Empty(failures);
        Assert.All(wins, count => Assert.Equal(1, count));
        Assert.Equal($"round {ReplaceRounds - 1} racer {won[^1]}", Text((await storage.ReadAsync(path))!));
    }

    [Fact]
    public async Task Upload_streams_a_large_object_create_only()
    {
        var storage = await CreateStorageAsync();
        var content = new byte[(3 << 20) + 12345];
        new Random(7).NextBytes(content);
        long reported = 0;

        var outcome = await storage.UploadAsync("blobs/sha256/ab/large", new MemoryStream(content), content.Length, new SynchronousProgress(done => reported = done));
        var again = await storage.UploadAsync("blobs/sha256/ab/large", new MemoryStream(new byte[10]), 10);

        Assert.Equal(CreateOutcome.Created, outcome);
        Assert.Equal(CreateOutcome.AlreadyExists, again);
        Assert.Equal(content.Length, reported);
        Assert.Equal(content.Length, (await storage.GetInfoAsync("blobs/sha256/ab/large"))!.Size);
        await using var read = (await storage.OpenReadAsync("blobs/sha256/ab/large"))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.True(content.AsSpan().SequenceEqual(copy.ToArray()));
    }

    [Fact]
    public async Task Racing_uploads_of_one_name_let_exactly_one_win()
    {
        var storage = await CreateStorageAsync();
        var created = 0;

        var outcomes = await StartTogetherAsync(8, async racer =>
        {
            var content = Enumerable.Repeat((byte)racer, 100_000).ToArray();
            return await storage.UploadAsync("blobs/sha256/cd/raced", new MemoryStream(content), content.Length);
        });
        created = outcomes.Count(o => o == CreateOutcome.Created);

        Assert.Equal(1, created);
        await using var read = (await storage.OpenReadAsync("blobs/sha256/cd/raced"))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(100_000, copy.Length);
        Assert.Single(copy.ToArray().Distinct());
    }

    [Fact]
    public async Task List_returns_every_object_under_a_prefix_and_nothing_else()
    {
        var storage = await CreateStorageAsync();
        foreach (var path in new[] { "models/a/log/1.json", "models/a/log/2.json", "models/a/state.json", "models/ab/log/1.json", "blobs/sha256/00/x" })
        {
            await storage.CreateAsync(path, Bytes(path));
        }

        var underA = await storage.ListAsync("models/a/").Select(o => o.Path).ToListAsync();
        var all = await storage.ListAsync("").ToListAsync();

        Assert.Equal(["models/a/log/1.json", "models/a/log/2.json", "models/a/state.json"], underA.Order(StringComparer.Ordinal));
        Assert.Equal(5, all.Count(o => !o.Path.StartsWith(".tmp/", StringComparison.Ordinal)));
        var info = all.Single(o => o.Path == "blobs/sha256/00/x");
        Assert.Equal("blobs/sha256/00/x".Length, info.Size);
        Assert.InRange(info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_small_object_read_larger_than_any_the_registry_writes_is_refused_before_it_is_buffered()
    {
        var storage = await CreateStorageAsync();
        var size = StoredObject.MaxBytes + 1;
        await using (var zeros = new ZeroStream(size))
        {
            await storage.UploadAsync("models/m/records/huge.json", zeros, size);
        }

        var error = await Assert.ThrowsAsync<RegistryException>(() => storage.ReadAsync("models/m/records/huge.json"));

        Assert.Equal("MRB1032", error.Code);
    }

    /// <summary>A stream of zeros of a given length, without the memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, read);
            position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Delete_if_unchanged_removes_the_object_gc_saw_and_nothing_else()
    {
        var storage = await CreateStorageAsync();
        await storage.CreateAsync("blobs/sha256/00/a", Bytes("a"));
        await storage.CreateAsync("blobs/sha256/00/b", Bytes("b"));
        var seen = (await storage.GetInfoAsync("blobs/sha256/00/a"))!;

        Assert.True(await storage.DeleteIfUnchangedAsync(seen));

        Assert.Null(await storage.GetInfoAsync("blobs/sha256/00/a"));
        Assert.NotNull(await storage.GetInfoAsync("blobs/sha256/00/b"));
        Assert.False(await storage.DeleteIfUnchangedAsync(seen));
        Assert.Equal(CreateOutcome.Created, await storage.CreateAsync("blobs/sha256/00/a", Bytes("again")));
    }

    [Fact]
    public async Task A_touched_object_is_younger_has_a_new_etag_and_survives_a_delete_based_on_what_was_seen_before()
    {
        var storage = await CreateStorageAsync();
        await storage.CreateAsync("blobs/sha256/00/a", Bytes("content"));
        var seen = (await storage.GetInfoAsync("blobs/sha256/00/a"))!;
        await Task.Delay(1100); // Azure's Last-Modified has one-second resolution

        Assert.True(await storage.TouchAsync("blobs/sha256/00/a"));

        var touched = (await storage.GetInfoAsync("blobs/sha256/00/a"))!;
        Assert.NotEqual(seen.ETag, touched.ETag);
        Assert.True(touched.LastModified > seen.LastModified);
        Assert.False(await storage.DeleteIfUnchangedAsync(seen));
        var stored = await storage.OpenReadAsync("blobs/sha256/00/a");
        Assert.NotNull(stored);
        using (var reader = new StreamReader(stored!))
        {
            Assert.Equal("content", await reader.ReadToEndAsync());
        }

        Assert.False(await storage.TouchAsync("blobs/sha256/00/missing"));
        Assert.Empty(await storage.ListAsync(".tmp/").ToListAsync());
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and may report late).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
