namespace ModelRegistry.Benchmarks;

/// <summary>A benchmark group selectable with --only.</summary>
internal interface IBench
{
    string Name { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB);
}

/// <summary>Benchmark groups beyond the engine's own (backends and faces add theirs here).</summary>
internal static class ExtraBenches
{
    public static IReadOnlyList<IBench> All { get; } = [new AzureBench(), new ReportBench(), new SchemaBench(), new ServingBench()];
}
