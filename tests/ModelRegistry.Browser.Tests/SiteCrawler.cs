using Microsoft.Playwright;

namespace ModelRegistry.Browser.Tests;

/// <summary>What the browser saw on one page of the site.</summary>
/// <param name="Path">The page's path relative to the site, with forward slashes.</param>
/// <param name="Kind">The page's kind, from <c>body[data-page]</c>.</param>
/// <param name="ConsoleErrors">Console errors and uncaught exceptions, content security policy violations included.</param>
/// <param name="BrokenLinks">Internal links (<c>href</c>, <c>src</c>) whose file does not exist.</param>
/// <param name="InlineCode">Scripts written into the page and <c>on...</c> handler attributes, which the policy forbids.</param>
/// <param name="ContentSecurityPolicy">The page's content security policy, null when it has none.</param>
public sealed record VisitedPage(string Path, string? Kind, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> BrokenLinks, IReadOnlyList<string> InlineCode, string? ContentSecurityPolicy);

/// <summary>Opens every page reachable from the index in the browser, the way a reader clicking through would.</summary>
internal static class SiteCrawler
{
    /// <summary>Every internal reference of a page, resolved by the browser against the page's own address.</summary>
    private const string ReferencesScript = """
        () => [...document.querySelectorAll('[href], [src]')]
            .map(e => new URL(e.getAttribute('href') ?? e.getAttribute('src'), document.baseURI).href)
            .filter(u => u.startsWith('file:'))
        """;

    /// <summary>Code the page carries in itself: a script body (data blocks aside) or an event-handler attribute.</summary>
    private const string InlineCodeScript = """
        () => [
            ...[...document.querySelectorAll('script:not([src])')]
                .filter(s => s.type !== 'application/json')
                .map(s => 'script: ' + s.textContent.slice(0, 80)),
            ...[...document.querySelectorAll('*')]
                .flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
        ]
        """;

    public static async Task<IReadOnlyDictionary<string, VisitedPage>> CrawlAsync(IBrowser browser, string site)
    {
        var root = new Uri(Path.Combine(site, "index.html"));
        var visited = new Dictionary<string, VisitedPage>(StringComparer.Ordinal);
        var queue = new Queue<Uri>([root]);
        var page = await browser.NewPageAsync();
        var errors = CollectErrors(page);
        while (queue.TryDequeue(out var address))
        {
            var relative = Relative(site, address);
            if (visited.ContainsKey(relative))
            {
                continue;
            }

            errors.Clear();
            await page.GotoAsync(address.AbsoluteUri);
            var kind = await page.GetAttributeAsync("body", "data-page");
            var broken = new List<string>();
            foreach (var reference in await page.EvaluateAsync<string[]>(ReferencesScript))
            {
                var target = new Uri(reference);
                var file = new Uri(target.GetLeftPart(UriPartial.Path)).LocalPath;
                if (!File.Exists(file))
                {
                    broken.Add(reference);
                }
                else if (file.EndsWith(".html", StringComparison.Ordinal) && file.StartsWith(site, StringComparison.Ordinal))
                {
                    queue.Enqueue(new Uri(file));
                }
            }

            var inlineCode = await page.EvaluateAsync<string[]>(InlineCodeScript);
            var policy = await page.EvaluateAsync<string?>("() => document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? null");
            visited[relative] = new VisitedPage(relative, kind, [.. errors], broken, inlineCode, policy);
        }

        await page.CloseAsync();
        return visited;
    }

    /// <summary>The list the page's console errors and uncaught exceptions are added to from now on.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static string Relative(string site, Uri address) =>
        System.IO.Path.GetRelativePath(site, address.LocalPath).Replace('\\', '/');
}
