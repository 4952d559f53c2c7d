using System.Globalization;
using System.Text.Json;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Reports;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// The static site of a registry of 100 models x 100 versions: full generation into an empty folder against
/// <c>list --json</c> for every model over the same registry (bound 3x); after one new version, a regeneration that
/// rewrites only the pages it touches; and the index page's size against 500 KB.
/// </summary>
internal sealed class ReportBench : IBench
{
    private const int Models = 100;

    private const int VersionsPerModel = 100;

    private const int IndexBytesBound = 500 * 1024;

    public string Name => "report";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(string work, int sizeMiB)
    {
        var folder = Path.Combine(work, "report-registry");
        await PopulateAsync(folder, Path.Combine(work, "report-artifacts"));

        var listingMs = await Measure.MedianMsAsync(3, async () =>
        {
            var registry = await Registry.OpenAsync(folder);
            foreach (var model in await registry.ListModelsAsync())
            {
                var versions = await registry.ListVersionsAsync(model);
                _ = JsonSerializer.Serialize(new VersionListDocument(model, versions), RegistryJson.Indented);
            }
        });

        var run = 0;
        var site = "";
        var generationMs = await Measure.MedianMsAsync(3, async () =>
        {
            site = Path.Combine(work, $"report-site-{run++}");
            var registry = await Registry.OpenAsync(folder);
            await registry.ReportAsync(new ReportRequest { Output = site });
        });

        var index = new FileInfo(Path.Combine(site, "index.html")).Length;
        var rewritten = await RegenerateAfterOneVersionAsync(folder, site, Path.Combine(work, "report-artifacts"));
        var expected = new[] { "index.html", "models/Model042/history.html", "models/Model042/index.html", $"models/Model042/v{VersionsPerModel + 1}.html", $"models/Model042/v{VersionsPerModel + 1}.provenance.json" };
        if (!rewritten.Order(StringComparer.Ordinal).SequenceEqual(expected))
        {
            throw new InvalidOperationException($"after one new version the report rewrote {string.Join(", ", rewritten)}; expected {string.Join(", ", expected)}");
        }

        var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Count();
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Count();
        return
        [
            new($"report: full site, {Models} models x {VersionsPerModel} versions", generationMs, "list --json of every model", listingMs, 3.0,
                string.Create(CultureInfo.InvariantCulture, $"{pages:N0} pages, {files:N0} files")),
            new("report: index page size (bytes)", index, "500 KB", IndexBytesBound, 1.0,
                string.Create(CultureInfo.InvariantCulture, $"after one new version {rewritten.Count} files rewritten: {string.Join(", ", rewritten)}")),
        ];
    }

    private static async Task PopulateAsync(string folder, string artifacts)
    {
        Console.Error.WriteLine($"report: populating {Models} models x {VersionsPerModel} versions…");
        var registry = await Registry.OpenAsync(folder);
        Directory.CreateDirectory(artifacts);
        for (var m = 0; m < Models; m++)
        {
            for (var v = 1; v <= VersionsPerModel; v++)
            {
                await RegisterAsync(registry, artifacts, m, v);
                if (v % 20 == 0)
                {
                    await registry.PromoteAsync(new PromotionRequest { Reference = $"{ModelName(m)}@{v}", Stage = "Production", Evidence = Policies.PromotionEvidence.LocalApproval("bench") });
                }
            }
        }
    }

    private static async Task<IReadOnlyList<string>> RegenerateAfterOneVersionAsync(string folder, string site, string artifacts)
    {
        var registry = await Registry.OpenAsync(folder);
        await RegisterAsync(registry, artifacts, 42, VersionsPerModel + 1);
        var document = await registry.ReportAsync(new ReportRequest { Output = site });
        return document.Written;
    }

    private static Task<RegistrationResult> RegisterAsync(Registry registry, string artifacts, int model, int version)
    {
        var weights = Path.Combine(artifacts, "model.bin");
        File.WriteAllText(weights, $"weights {model}/{version}");
        var metrics = new Dictionary<string, double>
        {
            ["auc"] = 0.8 + (version * 0.001),
            ["f1"] = 0.7 + (version % 10 * 0.01),
            ["latency_p95_ms"] = 40 + (version % 7),
        };
        return registry.RegisterAsync(new RegistrationRequest
        {
            Model = ModelName(model),
            Artifacts = [weights],
            Metrics = MetricsDocument.FromValues("metrics.json", metrics),
            Label = $"1.{version}.0",
        });
    }

    private static string ModelName(int model) => string.Create(CultureInfo.InvariantCulture, $"Model{model:D3}");
}
