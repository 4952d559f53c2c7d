using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Reports;

/// <summary>A model with a long history: 200 versions, three metrics, stage moves and rollbacks along the way.</summary>
public sealed class ReportLongHistoryTests
{
    private const int Versions = 200;

    [Fact]
    public async Task Every_version_is_in_the_table_and_in_every_chart_and_the_holders_are_the_registrys()
    {
        // arrange
        using var harness = new RegistryHarness();
        var registry = await harness.OpenAsync();
        for (var i = 1; i <= Versions; i++)
        {
            await harness.RegisterAsync(registry, "Synthetic", $"weights-{i}", r => r with
            {
                Metrics = RegistryHarness.Metrics(("auc", 0.7 + (0.2 * Math.Sin(i / 10.0))), ("f1", 0.5 + (i / 1000.0)), ("latency_ms", 20 + (i % 7))),
            });
            if (i % 20 == 0)
            {
                await RegistryHarness.PromoteAsync(registry, $"Synthetic@{i}", "Production");
                await RegistryHarness.PromoteAsync(registry, $"Synthetic@{i - 1}", "Staging", approver: null);
            }

            if (i % 50 == 0)
            {
                await registry.RollbackAsync("Synthetic", "Production", Policies.PromotionEvidence.LocalApproval("bob"), "rolled back", RegistryHarness.Actor);
            }
        }

        var output = harness.Temp.Combine("site");

        // act
        var report = await registry.ReportAsync(new() { Output = output });

        // assert
        Assert.Equal(1 + 2 + (2 * Versions) + 2, report.Pages);
        var page = ReportPages.Parse(File.ReadAllText(Path.Combine(output, "models", "Synthetic", "index.html")));
        Assert.Equal(Versions, page.QuerySelectorAll("tr[data-version]").Length);
        Assert.All(page.QuerySelectorAll("figure.chart"), chart => Assert.Equal(Versions, chart.QuerySelectorAll("table.chart-data tbody tr").Length));
        Assert.Equal(["auc", "f1", "latency_ms"], page.QuerySelectorAll("figure.chart").Select(c => c.GetAttribute("data-metric")));
        Assert.Equal(4, page.QuerySelectorAll("table.timeline tr.rollback").Length);
        var index = ReportPages.Parse(File.ReadAllText(Path.Combine(output, "index.html")));
        var row = index.QuerySelector("tr[data-model='Synthetic']")!;
        Assert.Equal((await registry.ResolveAsync("Synthetic@Production")).Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportPages.Text(row.QuerySelector("td[data-stage='Production']")));
        Assert.Equal((await registry.ResolveAsync("Synthetic@Staging")).Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportPages.Text(row.QuerySelector("td[data-stage='Staging']")));
    }
}
