using AngleSharp.Dom;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Queries;
using ModelRegistry.Reports;

namespace ModelRegistry.Tests.Reports;

/// <summary>What the pages say: stage holders, metric values, charts with their data, links that resolve, the
/// comparison's data, the lineage, the evidence of stage moves and the provenance statement offered for download.</summary>
public sealed class ReportContentTests
{
    [Fact]
    public async Task The_index_shows_who_holds_each_stage_and_the_latest_version()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var index = ReportPages.Parse(scenario.Page("index.html"));
        Assert.Equal("index", index.Body!.GetAttribute("data-page"));
        var fraud = index.QuerySelector("tr[data-model='FraudDetection']")!;
        Assert.Equal("2", ReportPages.Text(fraud.QuerySelector("td[data-stage='Production']")));
        Assert.Equal("4", ReportPages.Text(fraud.QuerySelector("td[data-stage='Staging']")));
        var churn = index.QuerySelector("tr[data-model='Churn']")!;
        Assert.Equal("", ReportPages.Text(churn.QuerySelector("td[data-stage='Production']")));
        Assert.Equal(["Churn", "FraudDetection"], index.QuerySelectorAll("tr[data-model]").Select(r => r.GetAttribute("data-model")));
        Assert.NotNull(fraud.QuerySelector("svg.sparkline[role='img'][aria-label]"));
    }

    [Fact]
    public async Task The_model_page_holds_every_version_with_its_metrics_round_tripped()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        var versions = await scenario.Registry.ListVersionsAsync(ReportScenario.Fraud);

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/FraudDetection/index.html"));
        Assert.Equal("model", page.Body!.GetAttribute("data-page"));
        foreach (var version in versions)
        {
            var row = page.QuerySelector($"tr[data-version='{version.Version}']")!;
            var auc = double.Parse(ReportPages.Text(row.QuerySelector("td[data-metric='auc']")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(version.Metrics["auc"], auc);
            Assert.Equal(version.Stage, ReportPages.Text(row.QuerySelector("td[data-stage]")));
        }

        Assert.Equal(["Archived", "Production", "Archived", "Staging", "None"], versions.Select(v => v.Stage));
    }

    [Fact]
    public async Task Every_chart_is_an_image_with_a_label_followed_by_its_data_table()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/FraudDetection/index.html"));
        var charts = page.QuerySelectorAll("figure.chart");
        Assert.Equal(["auc", "latency_ms"], charts.Select(c => c.GetAttribute("data-metric")));
        foreach (var chart in charts)
        {
            var svg = chart.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
            var table = svg.NextElementSibling!;
            Assert.Equal("TABLE", table.TagName);
            Assert.Contains("chart-data", table.ClassList);
            Assert.Equal(5, table.QuerySelectorAll("tbody tr").Length);
        }

        var auc = charts[0];
        var threshold = Assert.Single(auc.QuerySelectorAll("line.threshold"));
        Assert.Contains("auc>=0.8 (Production policy)", auc.QuerySelector("svg")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(2, auc.QuerySelectorAll("circle.holder").Length);
        var production = auc.QuerySelectorAll("table.chart-data tbody tr").Single(r => ReportPages.Text(r.Children[0]) == "2");
        Assert.Equal((Formats.Number(0.8 + (2 / 100.0)), "Production"), (ReportPages.Text(production.Children[1]), ReportPages.Text(production.Children[2])));
        Assert.NotNull(threshold.GetAttribute("y1"));
    }

    [Fact]
    public async Task Every_internal_link_and_source_resolves_to_a_file_of_the_site()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var pages = ReportPages.ParseAll(scenario);
        Assert.Equal(1 + (2 * 2) + 5 + 2, pages.Count);
        var broken = new List<string>();
        foreach (var (path, page) in pages)
        {
            foreach (var target in page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                if (target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith('#'))
                {
                    continue;
                }

                var file = target.Split('?', '#')[0];
                var full = Path.GetFullPath(Path.Combine(scenario.Output, Path.GetDirectoryName(path)!, file));
                if (!File.Exists(full) || !full.StartsWith(scenario.Output, StringComparison.Ordinal))
                {
                    broken.Add($"{path} -> {target}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public async Task The_version_page_links_the_commit_on_GitHub_and_the_run_and_shows_each_stage_move_with_its_approval()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/FraudDetection/v2.html"));
        Assert.Equal("version", page.Body!.GetAttribute("data-page"));
        Assert.Equal($"https://github.com/contoso/fraud/commit/{ReportScenario.Commit}", page.QuerySelector("tr[data-field='code.commit'] a")!.GetAttribute("href"));
        Assert.Equal("https://github.com/contoso/fraud/actions/runs/102", page.QuerySelector("tr[data-field='ci.run'] a")!.GetAttribute("href"));
        Assert.Contains("model-registry pull FraudDetection@2", page.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("index.html?left=1&right=2#compare", page.QuerySelector("a.compare-link")!.GetAttribute("href"));
        var moves = page.QuerySelectorAll("table.timeline tbody tr");
        Assert.Equal(4, moves.Length);
        Assert.Contains("approved by alice", moves[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("better auc", moves[1].TextContent, StringComparison.Ordinal);
        var rollback = Assert.Single(page.QuerySelectorAll("tr.rollback"));
        Assert.Contains("approved by bob", rollback.TextContent, StringComparison.Ordinal);
        Assert.Contains("latency regression", rollback.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_page_carries_the_comparison_hooks_and_its_data_and_the_lineage()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/FraudDetection/index.html"));
        Assert.Equal("2", page.QuerySelector("select#compare-left option[selected]")!.GetAttribute("value"));
        Assert.Equal("5", page.QuerySelector("select#compare-right option[selected]")!.GetAttribute("value"));
        Assert.Equal("checkbox", page.QuerySelector("input#differences-only")!.GetAttribute("type"));
        Assert.NotNull(page.QuerySelector("table#comparison tbody"));
        using var data = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script#compare-data[type='application/json']")!.TextContent);
        Assert.Equal(2, data.RootElement.GetProperty("production").GetInt32());
        Assert.Equal(5, data.RootElement.GetProperty("versions").GetArrayLength());
        Assert.Equal(0.8 + (3 / 100.0), data.RootElement.GetProperty("versions")[2].GetProperty("metrics").GetProperty("auc").GetDouble());
        Assert.Equal(ReportScenario.Commit, data.RootElement.GetProperty("versions")[0].GetProperty("recipe").GetProperty("code.commit").GetString());
        var datasets = page.QuerySelectorAll("table.lineage-data tbody tr");
        Assert.Equal(["1, 2", "3, 4, 5"], datasets.Select(r => ReportPages.Text(r.Children[2])));
        Assert.Single(page.QuerySelectorAll("table.lineage-commits tbody tr"));
        Assert.Single(page.QuerySelectorAll("table.timeline tr.rollback"));
    }

    [Fact]
    public async Task The_history_page_lists_every_revision_linked_to_its_version()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        var history = await scenario.Registry.HistoryAsync(ReportScenario.Fraud);

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/FraudDetection/history.html"));
        Assert.Equal("history", page.Body!.GetAttribute("data-page"));
        var rows = page.QuerySelectorAll("table#history tbody tr");
        Assert.Equal(history.Select(e => e.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-revision")));
        Assert.Equal("v1.html", rows[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Purged_versions_are_shown_as_purged()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync(async s =>
        {
            await s.Registry.SetRetentionAsync(new() { Model = ReportScenario.Churn, Policy = new() { KeepLast = 1 }, Reason = "space", Actor = "tester" });
            await s.Registry.CollectGarbageAsync(new GcRequest { Apply = true, Actor = "tester" });
        });

        // act
        await scenario.GenerateAsync();

        // assert
        var model = ReportPages.Parse(scenario.Page("models/Churn/index.html"));
        Assert.Contains("purged", model.QuerySelector("tr[data-version='1']")!.ClassList);
        Assert.DoesNotContain("purged", model.QuerySelector("tr[data-version='2']")!.ClassList);
        var version = ReportPages.Parse(scenario.Page("models/Churn/v1.html"));
        Assert.Contains("purged", version.QuerySelector("p.purged")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_as_of_point_shows_the_registry_as_it_was()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.Registry.ReportAsync(new ReportRequest { Output = scenario.Output, AsOf = new Manifest.AsOf(6, null), Models = [ReportScenario.Fraud] });

        // assert
        var index = ReportPages.Parse(scenario.Page("index.html"));
        var fraud = index.QuerySelector("tr[data-model='FraudDetection']")!;
        Assert.Equal("1", ReportPages.Text(fraud.QuerySelector("td[data-stage='Production']")));
        Assert.Equal("", ReportPages.Text(fraud.QuerySelector("td[data-stage='Staging']")));
    }

    [Fact]
    public async Task Each_version_page_links_a_provenance_statement_equal_to_the_provenance_command_s()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var statement = await new LineageQueries(scenario.Registry).ProvenanceAsync($"{ReportScenario.Fraud}@3");
        Assert.Equal(ProvenanceStatement.ToJson(statement) + "\n", scenario.Page(ReportPaths.ProvenanceFile(ReportScenario.Fraud, 3)));
        var link = ReportPages.Parse(scenario.Page(ReportPaths.VersionPage(ReportScenario.Fraud, 3))).QuerySelector("a.provenance");
        Assert.NotNull(link);
        Assert.Equal("v3.provenance.json", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public async Task A_version_page_shows_each_stored_signature_checked_and_an_unsigned_version_says_so()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var key = ModelRegistry.Signing.SigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem(), "test key");
        await scenario.Registry.SignAsync($"{ReportScenario.Fraud}@3", key, stageMove: false);

        // act
        await scenario.GenerateAsync();

        // assert
        var signed = ReportPages.Parse(scenario.Page(ReportPaths.VersionPage(ReportScenario.Fraud, 3)));
        var row = Assert.Single(signed.QuerySelectorAll("table.signatures tbody tr"));
        Assert.Equal("pass", row.ClassName);
        Assert.Contains(key.KeyId, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("valid", row.TextContent, StringComparison.Ordinal);
        var unsigned = ReportPages.Parse(scenario.Page(ReportPaths.VersionPage(ReportScenario.Fraud, 2)));
        Assert.NotNull(unsigned.QuerySelector("p.unsigned"));
        Assert.DoesNotContain("PRIVATE KEY", string.Concat(scenario.Pages().Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_judges_every_stage_signature_as_verify_signature_does_current_and_earlier_moves_alike()
    {
        // arrange: every move in the history signed, the current ones and those whose version has moved on since
        using var scenario = await ReportScenario.CreateAsync();
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var key = ModelRegistry.Signing.SigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem(), "test key");
        var history = await scenario.Registry.HistoryAsync(ReportScenario.Fraud);
        foreach (var move in history.Where(e => e.Operation == Manifest.Operation.Stage && e.Version is not null))
        {
            var version = await scenario.Registry.ResolveAsync($"{ReportScenario.Fraud}@{move.Version}");
            await scenario.Registry.SignStageMoveAsync(version, move, key);
        }

        // act
        await scenario.GenerateAsync();

        // assert: per version, the page's rows are the signatures verify-signature reports, valid where it says so
        var reopened = await scenario.ReopenAsync();
        foreach (var version in await reopened.ListVersionsAsync(ReportScenario.Fraud))
        {
            var document = await reopened.VerifySignaturesAsync(version.Reference);
            var page = ReportPages.Parse(scenario.Page(ReportPaths.VersionPage(ReportScenario.Fraud, version.Version)));
            var rows = page.QuerySelectorAll("table.signatures tbody tr");
            Assert.Equal(document.Signatures.Count, rows.Length);
            Assert.Equal(document.Signatures.Count(s => s.Valid), rows.Count(r => r.ClassName == "pass"));
        }

        Assert.Contains(history, e => e.Operation == Manifest.Operation.Stage);
    }

    [Fact]
    public async Task The_lineage_graph_links_each_version_to_its_commit_and_to_the_datasets_it_was_trained_on()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert: five versions of one commit, trained on two datasets (versions 1-2 and 3-5)
        var page = ReportPages.Parse(scenario.Page(ReportPaths.ModelPage(ReportScenario.Fraud)));
        var graph = page.QuerySelector("figure.lineage-graph svg[role='img']");
        Assert.NotNull(graph);
        Assert.Equal("Lineage of FraudDetection: 5 version(s) made from 1 commit(s) and trained on 2 dataset(s)", graph.GetAttribute("aria-label"));
        Assert.Equal(["v5.html", "v4.html", "v3.html", "v2.html", "v1.html"], graph.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(5 + 5, graph.QuerySelectorAll("line.edge").Length);
        Assert.Contains(graph.QuerySelectorAll("text.node"), t => t.TextContent == ReportScenario.Commit[..12]);
        Assert.Equal(["Production", "Staging"], graph.QuerySelectorAll("text.holder-text").Select(t => t.TextContent.Split('(')[1].TrimEnd(')')).Order(StringComparer.Ordinal));
    }
}
