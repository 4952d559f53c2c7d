using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using ModelRegistry.Policies;
using ModelRegistry.Storage.Azure;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// The Azure backend against Azurite on loopback (skipped with a note when `npm ci` has not installed it):
/// registering a new artifact against the longer of a plain SHA-256 of the file and a plain Azure SDK upload with the
/// same block size and concurrency (bound 1.15x); re-registering it against a plain SHA-256 plus three small requests
/// (bound 1.05x: the hash is the limit, and the small requests are a few milliseconds, inside the timing noise of a median
/// of three; and zero bytes uploaded); resolving an unchanged @Production against two small requests (bound 1.5x,
/// and at most two requests with no object body).
/// </summary>
internal sealed class AzureBench : IBench
{
    public string Name => "azure";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        if (azurite is null)
        {
            Console.Error.WriteLine("azure: skipped, node_modules/.bin/azurite-blob is missing (run 'npm ci' at the repository root).");
            return [];
        }

        var options = new AzureStorageOptions();
        var source = Path.Combine(work, "azure", "model.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        await WriteRandomAsync(source, (long)sizeMiB << 20);

        var shaMs = await Measure.MedianMsAsync(2, async () =>
        {
            await using var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            await SHA256.HashDataAsync(stream);
        });
        var plainMs = await Measure.MedianMsAsync(2, async () =>
        {
            var blob = AzureConnector.Open($"{azurite.BlobEndpoint}/plain-{Guid.NewGuid():N}", connectionString: null);
            await blob.Container.CreateIfNotExistsAsync();
            var transfer = new StorageTransferOptions { MaximumConcurrency = options.Concurrency, MaximumTransferSize = options.BlockSize, InitialTransferSize = options.SingleUploadLimit };
            await blob.Container.GetBlobClient("model.bin").UploadAsync(source, new BlobUploadOptions { TransferOptions = transfer });
            await blob.Container.DeleteAsync();
        });
        Registry? registry = null;
        var registerMs = await Measure.MedianMsAsync(2, async () =>
        {
            registry = await Registry.OpenAsync(AzureConnector.Open($"{azurite.BlobEndpoint}/registry-{Guid.NewGuid():N}", connectionString: null, options));
            await registry.RegisterAsync(new RegistrationRequest { Model = "Big", Artifacts = [source] });
        });

        var counter = new RequestCounter();
        var counted = await Registry.OpenAsync(AzureConnector.Open(registry!.Storage.DisplayLocation, connectionString: null, options with { PerTryPolicies = [counter] }));
        RegistrationResult? again = null;
        var reRegisterMs = await Measure.MedianMsAsync(3, async () => again = await counted.RegisterAsync(new RegistrationRequest { Model = "Big", Artifacts = [source] }));
        var smallMs = await Measure.MedianMsAsync(5, () => counted.Storage.GetInfoAsync("registry.json"));

        await counted.PromoteAsync(new PromotionRequest { Reference = "Big@1", Stage = "Production", Evidence = PromotionEvidence.LocalApproval("bench"), Actor = "bench-runner" });
        await counted.ResolveAsync("Big@Production");
        counter.Reset();
        await counted.ResolveAsync("Big@Production");
        var (requests, bodies, largest) = counter.Totals();
        var resolveMs = await Measure.MedianMsAsync(5, () => counted.ResolveAsync("Big@Production"));
        File.Delete(source);
        return
        [
            new($"azure: register new {sizeMiB} MiB", registerMs, shaMs >= plainMs ? "plain SHA-256" : "plain SDK upload", Math.Max(shaMs, plainMs), 1.15, $"SHA-256 {shaMs:F0} ms, SDK upload {plainMs:F0} ms ({options.Concurrency} x {options.BlockSize >> 20} MiB blocks)"),
            new($"azure: re-register {sizeMiB} MiB", reRegisterMs, "plain SHA-256 + 3 small requests", shaMs + (3 * smallMs), 1.05, $"uploaded {again!.BytesUploaded} bytes"),
            new("azure: resolve @Production, unchanged", resolveMs, "2 small requests", 2 * smallMs, 1.5, $"{requests} requests, {bodies} with an object body, largest answer {largest} bytes"),
        ];
    }

    private static async Task WriteRandomAsync(string path, long size)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[4 << 20];
        for (long written = 0; written < size; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)));
        }
    }

    /// <summary>Counts requests on the wire, the answers that carried an object body (200 with content), and the largest answer.</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private readonly Lock gate = new();
        private int requests;
        private int bodies;
        private long largest;

        public void Reset()
        {
            lock (gate)
            {
                (requests, bodies, largest) = (0, 0, 0);
            }
        }

        public (int Requests, int Bodies, long Largest) Totals()
        {
            lock (gate)
            {
                return (requests, bodies, largest);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var length = message.Response.Headers.ContentLength ?? 0;
            lock (gate)
            {
                requests++;
                bodies += message.Response.Status == 200 && length > 0 ? 1 : 0;
                largest = Math.Max(largest, length);
            }
        }
    }
}
