using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using ModelRegistry.Recipes;
using ModelRegistry.Reports;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Reports;

/// <summary>
/// A registry with a history worth a report, made through the engine's public API: FraudDetection with five versions
/// (auc and latency, a GitHub commit, a dataset, a CI run), promoted, rolled back and aliased under a Production
/// policy with thresholds; Churn with two versions. The site goes to <see cref="Output"/>.
/// </summary>
public sealed class ReportScenario : IDisposable
{
    public const string Fraud = "FraudDetection";

    public const string Churn = "Churn";

    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public RegistryHarness Harness { get; } = new();

    public string Output => Harness.Temp.Combine("site");

    public Registry Registry { get; private set; } = null!;

    public static async Task<ReportScenario> CreateAsync(Func<ReportScenario, Task>? more = null)
    {
        var scenario = new ReportScenario();
        scenario.Harness.WriteSettings(new RegistrySettings
        {
            Policies = new(StringComparer.OrdinalIgnoreCase)
            {
                [RegistrySettings.Production] = new StagePolicy { Requires = [StagePolicy.Approval], Thresholds = ["auc>=0.8", "latency_ms<=50"] },
            },
        });
        scenario.Registry = await scenario.Harness.OpenAsync();
        for (var i = 1; i <= 5; i++)
        {
            await scenario.RegisterAsync(Fraud, i, 0.8 + (i / 100.0), 40 - i);
        }

        var moves = new[]
        {
            await RegistryHarness.PromoteAsync(scenario.Registry, $"{Fraud}@1", "Production"),
            await RegistryHarness.PromoteAsync(scenario.Registry, $"{Fraud}@2", "Staging", approver: null),
            await RegistryHarness.PromoteAsync(scenario.Registry, $"{Fraud}@2", "Production", reason: "better auc"),
            await RegistryHarness.PromoteAsync(scenario.Registry, $"{Fraud}@3", "Production"),
            await scenario.Registry.RollbackAsync(Fraud, "Production", PromotionEvidence.LocalApproval("bob"), "latency regression", RegistryHarness.Actor),
            await RegistryHarness.PromoteAsync(scenario.Registry, $"{Fraud}@4", "Staging", approver: null),
        };
        Assert.All(moves, move => Assert.True(move.Changed));
        await scenario.Registry.SetAliasAsync($"{Fraud}@5", "champion", "best so far", RegistryHarness.Actor);
        await scenario.RegisterAsync(Churn, 1, 0.7, 10);
        await scenario.RegisterAsync(Churn, 2, 0.72, 12);
        if (more is not null)
        {
            await more(scenario);
        }

        return scenario;
    }

    public Task<int> RegisterAsync(string model, int n, double auc, double latency, Func<RegistrationRequest, RegistrationRequest>? customize = null) =>
        Harness.RegisterVersionAsync(Registry, model, $"{model}-weights-{n}", r =>
        {
            var request = r with
            {
                Metrics = RegistryHarness.Metrics(("auc", auc), ("latency_ms", latency)),
                Description = $"{model} trained the {n}th time",
                Recipe = new Recipe
                {
                    Code = new CodeLineage { IsRepository = true, RepositoryUrl = "https://github.com/contoso/fraud.git", Commit = Commit, Branch = "main" },
                    Data = [new DataInput { Kind = "file", Source = "data/train.csv", Digest = $"sha256:{(n <= 2 ? 'a' : 'b')}{new string('0', 63)}" }],
                    Ci = new CiRun { Provider = "github", RunId = $"{100 + n}", RunUrl = $"https://github.com/contoso/fraud/actions/runs/{100 + n}", Workflow = "train" },
                },
            };
            return customize is null ? request : customize(request);
        });

    /// <summary>The registry opened afresh, as a second process would (no record cached).</summary>
    public Task<Registry> ReopenAsync() => Harness.OpenAsync();

    public Task<ReportDocument> GenerateAsync(params string[] models) =>
        Registry.ReportAsync(new ReportRequest { Output = Output, Models = models });

    /// <summary>Every file of the site (relative, '/'), with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files() =>
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Pages() =>
        Files().Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value), StringComparer.Ordinal);

    public string Page(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public void Dispose() => Harness.Dispose();
}
