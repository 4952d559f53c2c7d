using System.Collections.Concurrent;
using System.Text;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Conformance;

/// <summary>
/// The rules of ARCHITECTURE.md section 2, proven against <see cref="IRegistryStorage"/> so that every backend runs
/// the same tests. A subclass provides a fresh, empty storage per test. Numbers the issue fixes (64 racing writers
/// over 200 trials, 16 promoters) are constants; the others are virtual so a backend that answers over HTTP can
/// scale them down.
/// </summary>
public abstract partial class StorageConformanceTests : IAsyncLifetime
{
    /// <summary>Writers racing for one name in each trial of the create-only test (fixed by the issue).</summary>
    protected const int RacingWriters = 64;

    /// <summary>Trials of the create-only test (fixed by the issue).</summary>
    protected const int RacingTrials = 200;

    /// <summary>Concurrent promoters to Production (fixed by the issue).</summary>
    protected const int Promoters = 16;

    /// <summary>A local folder for artifacts and pulled files; the storage under test lives wherever the subclass puts it.</summary>
    protected TempFolder Work { get; } = new();

    /// <summary>Concurrent registering writers, each a registry instance of its own.</summary>
    protected virtual int RegistrationWriters => 8;

    protected virtual int RegistrationsPerWriter => 4;

    /// <summary>Promotions each promoter makes.</summary>
    protected virtual int PromotionsPerPromoter => 3;

    protected virtual int PollingReaders => 4;

    /// <summary>Rounds of the racing compare-and-swap test, and racers in each.</summary>
    protected virtual int ReplaceRounds => 20;

    protected virtual int ReplaceRacers => 16;

    /// <summary>A fresh, empty storage for the calling test.</summary>
    protected abstract Task<IRegistryStorage> CreateStorageAsync();

    /// <summary>The same backend at a location inside <paramref name="storage"/>'s (a sub-folder, a longer prefix).</summary>
    protected abstract IRegistryStorage Inside(IRegistryStorage storage, string relative);

    /// <summary>Rewrites a stored object behind the registry's back, to damage it. The default uses the interface's
    /// own compare-and-swap; a backend may override it with a rawer write.</summary>
    protected virtual async Task OverwriteAsync(IRegistryStorage storage, string path, byte[] content)
    {
        var info = await storage.GetInfoAsync(path) ?? throw new InvalidOperationException($"'{path}' is not stored.");
        Assert.True(await storage.ReplaceAsync(path, content, info.ETag), $"Could not overwrite '{path}'.");
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Work.Dispose();
        return Task.CompletedTask;
    }

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(StoredObject stored) => Encoding.UTF8.GetString(stored.Content.Span);

    /// <summary>Writes a local artifact with unique content and returns its path.</summary>
    protected string Artifact(string content)
    {
        return Work.WriteFile(Path.Combine("artifacts", Guid.NewGuid().ToString("N"), "model.bin"), content);
    }

    protected static Task<PromotionResult> PromoteAsync(Registry registry, string reference, string stage) =>
        registry.PromoteAsync(new PromotionRequest
        {
            Reference = reference,
            Stage = stage,
            Evidence = PromotionEvidence.LocalApproval("alice"),
            Actor = "conformance",
        });

    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> dedicated threads released together by a
    /// barrier for each of <paramref name="rounds"/> rounds, so that they truly race. Every failure is collected;
    /// a throwing thread never leaves the others waiting.</summary>
    protected static IReadOnlyList<Exception> Race(int count, int rounds, Action<int, int> body)
    {
        var failures = new ConcurrentQueue<Exception>();
        using var barrier = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(racer => new Thread(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                barrier.SignalAndWait();
                try
                {
                    body(racer, round);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })
        { IsBackground = true, Name = $"racer {racer}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return [.. failures];
    }

    /// <summary>Starts <paramref name="count"/> asynchronous workers at the same instant and waits for all.</summary>
    protected static async Task<T[]> StartTogetherAsync<T>(int count, Func<int, Task<T>> worker)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await worker(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
