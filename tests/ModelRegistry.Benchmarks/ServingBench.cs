using System.Diagnostics;
using Microsoft.ML;
using ModelRegistry.ML.Serving;
using ModelRegistry.Policies;
using ModelRegistry.Runtime;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// A stage move under load (docs/serving.md): clients predict without pause through a PredictionEnginePool while the
/// pool loads, warms and swaps in the next version. The slowest request that overlapped the swap window is bounded
/// against the median request before the move (2x): no request waits for the load. The slowest request of an equally
/// long window before the move is printed beside it, for the noise a request sees anyway.
/// </summary>
internal sealed class ServingBench : IBench
{
    private const int QuietWindows = 9;

    private static readonly Row Sample = new() { Amount = 390, Hour = 3 };

    public string Name => "serving";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB)
    {
        var folder = Path.Combine(work, "serving-registry");
        var registry = await Registry.OpenAsync(folder);
        foreach (var threshold in new[] { 200f, 300f })
        {
            await registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [Train(Path.Combine(work, $"serving-{threshold}"), threshold)] });
        }

        await Promote(registry, "Fraud@1");
        await using var pool = new PredictionEnginePool<Row, Score>(
            new ModelServingOptions { Registry = folder, Cache = Path.Combine(work, "serving-cache"), PollInterval = TimeSpan.FromHours(1) },
            [new ServedModelDefinition<Row>("", "Fraud@Production")]);
        await pool.StartAsync();

        var clients = Math.Max(2, Environment.ProcessorCount);
        var timings = Enumerable.Range(0, clients).Select(_ => new List<(long Start, long End, int Version)>(1 << 20)).ToList();
        using var stop = new CancellationTokenSource();
        var running = timings.Select(list => Task.Run(() => Predict(pool, list, stop.Token))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var measuredFrom = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await Promote(registry, "Fraud@2");
        var swapStart = Stopwatch.GetTimestamp();
        var served = await pool.RefreshAsync();
        var swapEnd = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        var all = timings.SelectMany(t => t).ToList();
        var window = swapEnd - swapStart;
        var slowestMs = SlowestMs(all, swapStart, swapEnd);
        var before = all.Where(t => t.Start >= measuredFrom && t.End < swapStart).ToList();
        var medianMs = Ms(before.Select(t => t.End - t.Start).Order().ElementAt(before.Count / 2));

        // The same length of time without a swap, several times over: on a shared machine a thread is preempted for
        // milliseconds now and then, so the slowest request of any window is that noise, not the median.
        var quiet = Enumerable.Range(1, QuietWindows)
            .Select(k => swapStart - (k * (window + (Stopwatch.Frequency / 20))))
            .Where(start => start >= measuredFrom)
            .Select(start => SlowestMs(before, start, start + window))
            .Order()
            .ToList();
        var quietMs = quiet[quiet.Count / 2];
        var versions = string.Join(", ", all.Select(t => t.Version).Distinct().Order());
        return
        [
            new("serving: slowest request during a swap", slowestMs, "slowest request of an equal window without one (median of windows)", quietMs, 2.0,
                $"{clients} clients, {all.Count:N0} predictions, swap window {Ms(window):F0} ms, {quiet.Count} quiet windows; versions seen {versions}, now serving version {served.Version}"),
            new("serving: slowest request during a swap vs the median request", slowestMs, "median request before the move", medianMs, double.PositiveInfinity,
                "informational: a prediction takes microseconds, so any preemption dwarfs it"),
        ];
    }

    /// <summary>The slowest request overlapping a window; when none does (every client was descheduled for the whole
    /// window, which a busy machine does), the window's own length, as a request would have waited that long.</summary>
    private static double SlowestMs(List<(long Start, long End, int Version)> timings, long from, long to) =>
        Ms(timings.Where(t => t.End >= from && t.Start <= to).Select(t => t.End - t.Start).DefaultIfEmpty(to - from).Max());

    private static void Predict(PredictionEnginePool<Row, Score> pool, List<(long Start, long End, int Version)> timings, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var version = pool.PredictWithVersion(Sample).Version.Version;
            timings.Add((start, Stopwatch.GetTimestamp(), version));
        }
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static Task<PromotionResult> Promote(Registry registry, string reference) => registry.PromoteAsync(new PromotionRequest
    {
        Reference = reference,
        Stage = "Production",
        Evidence = PromotionEvidence.LocalApproval("bench"),
    });

    /// <summary>A fraud model on 1,000 synthetic rows: fraud above <paramref name="threshold"/>.</summary>
    private static string Train(string folder, float threshold)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 1000).Select(i => new Row { Amount = i % 500, Hour = i % 24, IsFraud = i % 500 > threshold }));
        var model = ml.Transforms.Concatenate("Features", nameof(Row.Amount), nameof(Row.Hour))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Row.IsFraud)))
            .Fit(data);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "model.zip");
        ml.Model.Save(model, data.Schema, path);
        return path;
    }

    internal sealed class Row
    {
        public float Amount { get; set; }

        public float Hour { get; set; }

        public bool IsFraud { get; set; }
    }

    internal sealed class Score
    {
        [Microsoft.ML.Data.ColumnName("PredictedLabel")]
        public bool IsFraud { get; set; }

        public float Probability { get; set; }
    }
}
