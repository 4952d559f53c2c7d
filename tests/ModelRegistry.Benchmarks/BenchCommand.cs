using System.Globalization;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// Runs every benchmark, each against its physical limit measured in the same run, and prints one table of ratios
/// (also written as Markdown). Absolute times vary between machines; the ratios are what the targets bound.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizeMiB = IntArg(args, "--size-mib", 1024);
        var versions = IntArg(args, "--versions", 10_000);
        var output = StringArg(args, "--out", Path.Combine("artifacts", "bench", "results.md"));
        var only = StringArg(args, "--only", "");
        var work = Directory.CreateTempSubdirectory("model-registry-bench-");
        var results = new List<BenchResult>();
        try
        {
            if (only is "" or "history")
            {
                results.AddRange(await HistoryBench.RunAsync(work.FullName, versions));
            }

            if (only is "" or "gc")
            {
                results.AddRange(await GcBench.RunAsync(work.FullName, versions));
            }

            if (only is "" or "transfer")
            {
                results.AddRange(await TransferBench.RunAsync(work.FullName, sizeMiB));
            }

            foreach (var extra in ExtraBenches.All)
            {
                if (only == "" || only == extra.Name)
                {
                    results.AddRange(await extra.RunAsync(work.FullName, sizeMiB));
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var table = BenchResult.Markdown(results);
        Console.WriteLine(table);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, $"# Benchmark results ({DateTime.UtcNow:u}, {Environment.ProcessorCount} cores)\n\n{table}");
        Console.WriteLine($"Written to {output}.");
        return results.All(r => r.Met) ? 0 : 1;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
