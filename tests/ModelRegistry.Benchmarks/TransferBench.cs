using System.Diagnostics;
using System.Security.Cryptography;
using ModelRegistry.Storage;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// Pulling a large artifact (copy plus verification) against the longer of a plain file copy and a plain SHA-256 of
/// the same file (bound 1.25x: hashing overlaps copying); re-registering the identical artifact stores no new bytes.
/// </summary>
internal static class TransferBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB)
    {
        var source = Path.Combine(work, "big", "model.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        await WriteRandomAsync(source, (long)sizeMiB << 20);
        var registry = await Registry.OpenAsync(new FolderStorage(Path.Combine(work, "transfer-registry")));
        await registry.RegisterAsync(new RegistrationRequest { Model = "Big", Artifacts = [source] });

        var copy = Path.Combine(work, "copy.bin");
        var pulled = Path.Combine(work, "pulled");
        var copyMs = await TimeAsync(() => Delete(copy), async () =>
        {
            // A streamed copy, as any downloader does it (File.Copy may use an in-kernel copy no download can).
            await using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            await using var to = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            await from.CopyToAsync(to, 4 << 20);
        });
        var hashMs = await TimeAsync(() => { }, async () =>
        {
            await using var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            await SHA256.HashDataAsync(stream);
        });
        var pullMs = await TimeAsync(() => Delete(pulled), () => registry.PullAsync("Big@1", pulled));
        RegistrationResult? again = null;
        var reRegisterMs = await TimeAsync(() => { }, async () => again = await registry.RegisterAsync(new RegistrationRequest { Model = "Big", Artifacts = [source] }));
        return
        [
            new($"pull {sizeMiB} MiB (copy + verify)", pullMs, copyMs >= hashMs ? "plain streamed copy" : "plain SHA-256", Math.Max(copyMs, hashMs), 1.25, $"copy {copyMs:F0} ms, SHA-256 {hashMs:F0} ms"),
            new($"re-register identical {sizeMiB} MiB", reRegisterMs, "plain SHA-256", hashMs, 1.15, $"{again!.BytesUploaded} bytes stored, new version: {again.Created}"),
        ];
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        File.Delete(path);
    }

    /// <summary>Median of three timed runs after a warm-up; <paramref name="reset"/> runs untimed before each.</summary>
    private static async Task<double> TimeAsync(Action reset, Func<Task> action)
    {
        reset();
        await action();
        var timings = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            reset();
            var stopwatch = Stopwatch.StartNew();
            await action();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings[1];
    }

    private static async Task WriteRandomAsync(string path, long size)
    {
        var buffer = new byte[4 << 20];
        await using var stream = File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            Random.Shared.NextBytes(buffer);
            await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)));
        }
    }
}
