using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace ModelRegistry.Browser.Tests;

/// <summary>The report site as a reader meets it: opened from disk in a real headless Chromium.</summary>
public sealed class ReportInBrowserTests(ReportSite site) : IClassFixture<ReportSite>
{
    [Fact]
    public void Every_page_opens_without_console_errors_and_every_internal_link_resolves()
    {
        var kinds = site.Pages.Values.GroupBy(p => p.Kind ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, kinds.GetValueOrDefault("index"));
        Assert.Equal(2, kinds.GetValueOrDefault("model"));
        Assert.True(kinds.GetValueOrDefault("version") >= ReportSite.ChurnVersions + 3, $"version pages reached: {kinds.GetValueOrDefault("version")}");
        Assert.True(kinds.GetValueOrDefault("history") >= 1, "no history page reached");
        Assert.DoesNotContain("(none)", kinds.Keys);
        Assert.Empty(site.Pages.Values.Where(p => p.ConsoleErrors.Count > 0).Select(p => $"{p.Path}: {string.Join(" | ", p.ConsoleErrors)}"));
        Assert.Empty(site.Pages.Values.SelectMany(p => p.BrokenLinks.Select(l => $"{p.Path} -> {l}")));
    }

    [Fact]
    public void Every_page_has_a_content_security_policy_and_no_code_written_into_it()
    {
        foreach (var page in site.Pages.Values)
        {
            Assert.True(page.ContentSecurityPolicy is { } policy && policy.Contains("script-src 'self'", StringComparison.Ordinal) && !policy.Contains("unsafe-inline", StringComparison.Ordinal),
                $"{page.Path}: content security policy {page.ContentSecurityPolicy ?? "(none)"}");
            Assert.True(page.InlineCode.Count == 0, $"{page.Path}: {string.Join(", ", page.InlineCode)}");
        }
    }

    [Fact]
    public async Task The_index_shows_who_holds_each_stage()
    {
        var (page, errors) = await site.OpenAsync("index.html");
        foreach (var ((model, stage), holder) in site.Holders)
        {
            var cell = await page.InnerTextAsync($"tr[data-model='{model}'] td[data-stage='{stage}']");
            Assert.Equal(holder?.ToString(CultureInfo.InvariantCulture) ?? "", cell.Trim());
        }

        Assert.Equal(ReportSite.ChurnVersions - 1, site.Holders[(ReportSite.Churn, "Staging")]);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_model_page_shows_each_version_with_its_metrics_and_a_chart_with_a_data_table_per_metric()
    {
        var page = await OpenModelPageAsync(ReportSite.Churn);
        Assert.Equal(ReportSite.ChurnVersions, await page.Locator("tr[data-version]").CountAsync());
        foreach (var version in new[] { 1, 25, 60, 137, ReportSite.ChurnVersions })
        {
            foreach (var (metric, expected) in site.ChurnMetrics[version])
            {
                var text = await page.InnerTextAsync($"tr[data-version='{version}'] td[data-metric='{metric}']");
                Assert.Equal(expected, double.Parse(text.Trim(), CultureInfo.InvariantCulture));
            }
        }

        var charts = page.Locator("figure.chart");
        Assert.Equal(["auc", "latency_p95_ms", "recall"], (await charts.EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.metric)")).Order());
        foreach (var chart in await charts.AllAsync())
        {
            Assert.Equal(1, await chart.Locator("svg").CountAsync());
            Assert.True(await chart.Locator("table.chart-data tbody tr").CountAsync() >= ReportSite.ChurnVersions, "a chart's data table lacks versions");
            Assert.False(string.IsNullOrWhiteSpace(await chart.Locator("svg").GetAttributeAsync("aria-label")));
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task Comparing_two_versions_shows_the_metrics_side_by_side_and_can_hide_what_did_not_change()
    {
        var page = await OpenModelPageAsync(ReportSite.Churn);

        // Versions 30 and 80 share their recall and differ in auc and latency.
        await page.SelectOptionAsync("#compare-left", "30");
        await page.SelectOptionAsync("#compare-right", "80");
        var auc = page.Locator("#comparison tr[data-field='metric:auc']");
        var recall = page.Locator("#comparison tr[data-field='metric:recall']");
        var aucText = await auc.InnerTextAsync();
        Assert.Contains(site.ChurnMetrics[30]["auc"].ToString(CultureInfo.InvariantCulture), aucText, StringComparison.Ordinal);
        Assert.Contains(site.ChurnMetrics[80]["auc"].ToString(CultureInfo.InvariantCulture), aucText, StringComparison.Ordinal);
        Assert.True(await recall.IsVisibleAsync());

        await page.CheckAsync("#differences-only");
        Assert.False(await recall.IsVisibleAsync());
        Assert.True(await auc.IsVisibleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Hostile_stored_text_shows_as_text_and_runs_nothing()
    {
        var model = await OpenModelPageAsync(ReportSite.Fraud);
        var versionPage = await model.EvalOnSelectorAsync<string>("tr[data-version='2'] a", "a => a.href");
        foreach (var address in new[] { model.Url, versionPage })
        {
            var page = await site.Browser.NewPageAsync();
            await page.GotoAsync(address);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__reportInjected"));
            Assert.Contains("<script>window.__reportInjected = 1</script>", await page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
            await page.CloseAsync();
        }

        await model.CloseAsync();
    }

    [Fact]
    public async Task A_screenshot_of_each_kind_of_page_is_kept_with_the_test_output()
    {
        Directory.CreateDirectory(ReportSite.Screenshots);
        foreach (var kind in new[] { "index", "model", "version", "history" })
        {
            var path = site.Pages.Values.Where(p => p.Kind == kind).Select(p => p.Path).Order(StringComparer.Ordinal).First();
            var (page, errors) = await site.OpenAsync(path);
            var file = Path.Combine(ReportSite.Screenshots, kind + ".png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 5_000, $"{file} is nearly empty");
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }

    private async Task<IPage> OpenModelPageAsync(string model)
    {
        var (index, _) = await site.OpenAsync("index.html");
        var address = await index.EvalOnSelectorAsync<string>($"tr[data-model='{model}'] a", "a => a.href");
        await index.GotoAsync(address);
        Assert.Equal("model", await index.GetAttributeAsync("body", "data-page"));
        return index;
    }
}
