using System.Diagnostics;
using ModelRegistry.Storage;
using ModelRegistry.TestSupport;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// Registering a 100 MiB ONNX model, whose schema is read, against registering the same bytes named model.bin, which
/// no reader recognizes (bound 1.05x): the reader skips the weights without reading them into memory, so reading the
/// schema must cost next to nothing beside hashing and storing the file.
/// </summary>
internal sealed class SchemaBench : IBench
{
    private const int Runs = 5;

    public string Name => "schema";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB)
    {
        var onnx = new OnnxModelFile { WeightBytes = 100 << 20 }.WriteTo(Path.Combine(work, "schema", "onnx", "model.onnx"));
        var bin = Path.Combine(work, "schema", "bin", "model.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(bin)!);
        File.Copy(onnx, bin);

        // Interleaved, each into an empty registry, so both see the same machine load and the same cold store.
        var registry = Path.Combine(work, "schema-registry");
        var (onnxTimings, binTimings) = (new List<double>(), new List<double>());
        RegistrationResult? read = null;
        for (var i = 0; i <= Runs; i++)
        {
            var onnxMs = await TimeAsync(registry, onnx, result => read = result);
            var binMs = await TimeAsync(registry, bin, _ => { });
            if (i > 0)
            {
                // The first round warms up the JIT and the file cache.
                onnxTimings.Add(onnxMs);
                binTimings.Add(binMs);
            }
        }

        var size = new FileInfo(onnx).Length;
        return
        [
            new($"register a {size >> 20} MiB ONNX model (schema read)", Median(onnxTimings), "the same bytes as model.bin (no schema read)", Median(binTimings), 1.05,
                $"median of {Runs}, each into an empty registry; schema read: {read?.Version?.Schema is not null}"),
        ];
    }

    private static async Task<double> TimeAsync(string registryFolder, string model, Action<RegistrationResult> keep)
    {
        if (Directory.Exists(registryFolder))
        {
            Directory.Delete(registryFolder, recursive: true);
        }

        var registry = await Registry.OpenAsync(new FolderStorage(registryFolder));
        var started = Stopwatch.GetTimestamp();
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Big", Artifacts = [model] });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        keep(result);
        return elapsed;
    }

    private static double Median(List<double> timings)
    {
        timings.Sort();
        return timings[timings.Count / 2];
    }
}
