using System.Globalization;
using ModelRegistry.Retention;
using ModelRegistry.Storage;
using ModelRegistry.Storage.Azure;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// A gc plan over a registry of many versions, two files each, against a plain listing of the same storage (bound
/// 2x), on the folder backend and on Azurite. The first plan reads every log entry and record and writes the log
/// summaries; the bound is on the plans after it, which read the summaries. The peak heap during a plan is reported
/// beside the number of names the log holds.
/// </summary>
internal static class GcBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int versions)
    {
        var folder = Path.Combine(work, "gc");
        await PopulateAsync(folder, versions);
        var results = new List<BenchResult>();
        results.AddRange(await MeasureAsync("folder", new FolderStorage(folder), versions));

        await using var azurite = await AzuriteProcess.StartAsync();
        if (azurite is null)
        {
            Console.Error.WriteLine("gc: Azure part skipped, node_modules/.bin/azurite-blob is missing (run 'npm ci' at the repository root).");
            return results;
        }

        var azure = AzureConnector.Open($"{azurite.BlobEndpoint}/gc-{Guid.NewGuid():N}/registry", connectionString: null);
        await MirrorAsync(folder, azure);
        results.AddRange(await MeasureAsync("azure", azure, versions));
        return results;
    }

    private static async Task PopulateAsync(string folder, int versions)
    {
        var registry = await Registry.OpenAsync(new FolderStorage(folder));
        var artifacts = Path.Combine(folder + "-artifacts");
        Directory.CreateDirectory(artifacts);
        var weights = Path.Combine(artifacts, "model.bin");
        var config = Path.Combine(artifacts, "config.json");
        Console.Error.WriteLine($"gc: populating {versions:N0} versions of two files…");
        for (var i = 1; i <= versions; i++)
        {
            await File.WriteAllTextAsync(weights, $"weights {i}");
            await File.WriteAllTextAsync(config, $"{{\"version\": {i}}}");
            await registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [weights, config] });
            if (i == versions / 2)
            {
                await registry.PromoteAsync(new PromotionRequest { Reference = $"FraudDetection@{i}", Stage = "Production", Evidence = Policies.PromotionEvidence.LocalApproval("bench") });
            }
        }

        await registry.SetRetentionAsync(new RetentionChange { Policy = new RetentionPolicy { KeepLast = 100 } });
    }

    /// <summary>The same registry on Azure: every object uploaded as it is (the layout is the same on both backends).</summary>
    private static async Task MirrorAsync(string folder, AzureBlobStorage azure)
    {
        await azure.Container.CreateIfNotExistsAsync();
        // Without the log summaries the folder's first plan wrote: the first plan on Azure writes its own.
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith(".tmp", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/').Contains("/summaries/", StringComparison.Ordinal)).ToList();
        Console.Error.WriteLine($"gc: uploading {files.Count:N0} objects to Azurite…");
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (file, cancellationToken) =>
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            await using var content = File.OpenRead(file);
            await azure.Container.GetBlobClient($"{azure.Prefix}/{relative}").UploadAsync(content, cancellationToken);
        });
    }

    private static async Task<IReadOnlyList<BenchResult>> MeasureAsync(string backend, IRegistryStorage storage, int versions)
    {
        long objects = 0;
        var listingMs = await Measure.MedianMsAsync(3, async () =>
        {
            objects = 0;
            await foreach (var item in storage.ListAsync(""))
            {
                objects++;
            }
        });

        var registry = await Registry.OpenAsync(storage);
        var cold = System.Diagnostics.Stopwatch.StartNew();
        var report = await registry.CollectGarbageAsync(new GcRequest());
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var plan = report.Models.Single();
        if (plan.Purge.Count != versions - 101)
        {
            throw new InvalidOperationException($"the plan purges {plan.Purge.Count} versions, {versions - 101} expected");
        }

        var warmMs = await Measure.MedianMsAsync(3, async () =>
        {
            var fresh = await Registry.OpenAsync(storage);
            await fresh.CollectGarbageAsync(new GcRequest());
        });

        // The peak heap of one more plan, measured apart: its full collection before and its sampler are not timed.
        var measured = await Registry.OpenAsync(storage);
        var peak = await PeakHeapAsync(() => measured.CollectGarbageAsync(new GcRequest()));
        var names = versions * 3;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{objects:N0} objects; {plan.Purge.Count:N0} versions to purge; peak heap {peak >> 20} MiB, {peak / names:N0} bytes per name the log holds ({names:N0}: records and files)");
        return
        [
            new($"{backend}: gc plan, {versions:N0} versions x 2 files", warmMs, "plain listing", listingMs, 2.0, note),
            new($"{backend}: first gc plan (writes the summaries)", coldMs, "plain listing", listingMs, double.PositiveInfinity, "informational: reads every log entry and record once"),
        ];
    }

    /// <summary>The largest managed heap seen while <paramref name="action"/> runs, above the heap before it.</summary>
    private static async Task<long> PeakHeapAsync(Func<Task> action)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2);
            }
        });
        await action();
        await stop.CancelAsync();
        await sampler;
        return peak - baseline;
    }
}
