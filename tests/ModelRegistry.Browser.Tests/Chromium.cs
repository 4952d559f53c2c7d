using Microsoft.Playwright;

namespace ModelRegistry.Browser.Tests;

/// <summary>
/// The real browser the report is tested in: Debian's <c>chromium</c> package (browser downloads are not reachable
/// from every build machine), driven by Playwright with its executable path pointed at it. A missing browser fails
/// the tests with what to install; it never skips them.
/// </summary>
internal static class Chromium
{
    /// <summary>Names a Chromium executable other than the system one.</summary>
    public const string PathVariable = "MODEL_REGISTRY_CHROMIUM";

    private static readonly string[] SystemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>Flags for a machine with a closed network: without them Chromium keeps reaching for Google's hosts.</summary>
    private static readonly string[] QuietFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath()
    {
        var candidates = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } chosen ? [chosen] : SystemPaths;
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"No Chromium to test the report in (looked at {string.Join(", ", candidates)}). Install Debian's 'chromium' package "
            + $"(sudo apt-get install -y chromium; ./build.sh --target=Test does this itself when run as root), or set {PathVariable} "
            + "to a Chromium executable.");
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = ExecutablePath();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = QuietFlags });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
