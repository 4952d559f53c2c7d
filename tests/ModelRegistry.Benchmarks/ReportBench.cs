using System.Globalization;
using System.Text.Json;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Reports;
using ModelRegistry.TestSupport;

namespace ModelRegistry.Benchmarks;

/// <summary>
/// The static site of a registry of 100 models x 100 versions, as users run it: one <c>report</c> process generating
/// the whole site into an empty folder against <c>list &lt;model&gt; --json</c> run for every model (bound 3x); the
/// same in process, for information; after one new version, a regeneration that rewrites only the files it touches;
/// and the index page's size against 500 KB.
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

        // As users run them: one report process against list --json for every model, one process each, as a script
        // that wanted the same data would run them.
        var models = (await (await Registry.OpenAsync(folder)).ListModelsAsync()).ToList();
        var cliListingMs = await Measure.MedianMsAsync(1, async () =>
        {
            foreach (var model in models)
            {
                Succeeded(await CliProcess.RunAsync(null, "list", model, "--registry", folder, "--json"));
            }
        });
        var run = 0;
        var site = "";
        var cliReportMs = await Measure.MedianMsAsync(3, async () =>
        {
            site = Path.Combine(work, $"report-site-{run++}");
            Succeeded(await CliProcess.RunAsync(null, "report", "--output", site, "--registry", folder, "--json"));
        });

        // In process, reading alone: the report reads every log entry and version record, a listing only the state.
        var listingMs = await Measure.MedianMsAsync(3, async () =>
        {
            var registry = await Registry.OpenAsync(folder);
            foreach (var model in models)
            {
                var versions = await registry.ListVersionsAsync(model);
                _ = JsonSerializer.Serialize(new VersionListDocument(model, versions), RegistryJson.Indented);
            }
        });
        var generationMs = await Measure.MedianMsAsync(3, async () =>
        {
            var registry = await Registry.OpenAsync(folder);
            await registry.ReportAsync(new ReportRequest { Output = Path.Combine(work, $"report-site-{run++}") });
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
            new($"report: full site, {Models} models x {VersionsPerModel} versions (CLI)", cliReportMs, "list --json of every model (CLI, one process each)", cliListingMs, 3.0,
                string.Create(CultureInfo.InvariantCulture, $"{pages:N0} pages, {files:N0} files")),
            new("report: the same in process (generation only)", generationMs, "listing every model's versions in process", listingMs, double.PositiveInfinity,
                "informational: the report reads every log entry and version record once; a listing reads each model's state"),
            new("report: index page size (bytes)", index, "500 KB", IndexBytesBound, 1.0,
                string.Create(CultureInfo.InvariantCulture, $"after one new version {rewritten.Count} files rewritten: {string.Join(", ", rewritten)}")),
        ];
    }

    private static void Succeeded(CliOutcome outcome)
    {
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"model-registry failed ({outcome.ExitCode}): {outcome.Stderr}");
        }
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
