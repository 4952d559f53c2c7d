using System.Text.RegularExpressions;
using ModelRegistry.Reports;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Reports;

/// <summary>Stored text is anyone's: it reaches the pages only escaped, and no page runs a script of its own.</summary>
public sealed partial class ReportEscapingTests
{
    private const string Script = "<script>alert(1)</script>";

    private const string Quotes = "\"quoted\" and 'single' & <b>bold</b>";

    private const string RightToLeft = "invoice\u202Egnp.exe";

    private static readonly string Long = new('x', 10_000);

    /// <summary>An on...= attribute inside a tag (escaped text has no '&lt;' to open one).</summary>
    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    private static Task<ReportScenario> HostileAsync() => ReportScenario.CreateAsync(async s =>
    {
        await s.RegisterAsync(ReportScenario.Churn, 3, 0.85, 11, r => r with
        {
            Description = $"{Script} {Quotes} {RightToLeft} {Long}",
            Tags = new Dictionary<string, string> { ["owner"] = Script + RightToLeft, ["note"] = Quotes },
        });
        var promoted = await RegistryHarness.PromoteAsync(s.Registry, $"{ReportScenario.Churn}@3", "Production", approver: "<img src=x onerror=alert(2)>", reason: $"{Script}{RightToLeft}{Quotes}");
        Assert.True(promoted.Changed);
    });

    [Fact]
    public async Task Hostile_text_appears_only_escaped_on_every_page()
    {
        // arrange
        using var scenario = await HostileAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var pages = scenario.Pages();
        Assert.All(pages, page =>
        {
            Assert.DoesNotContain("<script>alert", page.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold", page.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("\u202E", page.Value, StringComparison.Ordinal);
        });
        var version = pages["models/Churn/v3.html"];
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", version, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot; and &#39;single&#39; &amp; &lt;b&gt;bold&lt;/b&gt;", version, StringComparison.Ordinal);
        Assert.Contains("invoice&#x202E;gnp.exe", version, StringComparison.Ordinal);
        Assert.Contains(Long, version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_reads_back_as_the_text_it_was_and_adds_no_element()
    {
        // arrange
        using var scenario = await HostileAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var version = ReportPages.Parse(scenario.Page("models/Churn/v3.html"));
        Assert.Contains($"{Script} {Quotes} {RightToLeft}", version.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(version.QuerySelectorAll("img, b, script:not([src])"));
        var model = ReportPages.Parse(scenario.Page("models/Churn/index.html"));
        Assert.Contains($"{Script}{RightToLeft}{Quotes}", model.QuerySelector("table.timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(2)>", model.QuerySelector("table.timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(model.QuerySelectorAll("img, b"));
        Assert.Single(model.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task No_page_has_an_inline_script_or_event_handler_and_every_page_carries_the_policy()
    {
        // arrange
        using var scenario = await HostileAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        foreach (var (path, html) in scenario.Pages())
        {
            Assert.False(InlineScript().IsMatch(html), $"{path} has an inline script");
            Assert.False(EventHandlerAttribute().IsMatch(html), $"{path} has an event handler attribute");
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            var page = ReportPages.Parse(html);
            Assert.Equal(HtmlPage.ContentSecurityPolicy, page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
            Assert.DoesNotContain("unsafe-inline", HtmlPage.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json", $"{path}: {s.OuterHtml[..Math.Min(80, s.OuterHtml.Length)]}"));
            Assert.All(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: {a.Name}"));
        }
    }

    [Fact]
    public async Task The_script_sets_text_only_and_never_evaluates_or_writes_markup()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var script = File.ReadAllText(Path.Combine(scenario.Output, "assets", "report.js"));
        Assert.Contains("textContent", script, StringComparison.Ordinal);
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"on" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_comparison_data_cannot_close_its_block()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync(s => s.RegisterAsync(ReportScenario.Churn, 3, 0.75, 11, r => r with
        {
            Recipe = r.Recipe with { Command = "</script><script>alert(3)</script>" },
        }));

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/Churn/index.html"));
        var block = Assert.Single(page.QuerySelectorAll("script#compare-data"));
        using var data = System.Text.Json.JsonDocument.Parse(block.TextContent);
        Assert.Equal("</script><script>alert(3)</script>", data.RootElement.GetProperty("versions")[2].GetProperty("recipe").GetProperty("command").GetString());
    }

    [Fact]
    public async Task A_stored_url_that_is_not_http_is_shown_but_never_linked()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync(s => s.RegisterAsync(ReportScenario.Churn, 3, 0.75, 11, r => r with
        {
            Recipe = r.Recipe with { Ci = new ModelRegistry.Recipes.CiRun { Provider = "github", RunId = "7", RunUrl = "javascript:alert(4)" } },
        }));

        // act
        await scenario.GenerateAsync();

        // assert
        var page = ReportPages.Parse(scenario.Page("models/Churn/v3.html"));
        Assert.Null(page.QuerySelector("tr[data-field='ci.run'] a"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }
}
