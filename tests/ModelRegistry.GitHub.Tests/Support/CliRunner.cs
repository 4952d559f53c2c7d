using System.Diagnostics;

namespace ModelRegistry.GitHub.Tests.Support;

/// <summary>The result of one model-registry process.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + "\n" + Stderr;
}

/// <summary>
/// Runs the real model-registry CLI (<c>dotnet model-registry.dll</c>, built next to the tests) as a workflow step
/// would, with only the environment a test gives it: inherited GITHUB_* and CI variables are removed so the
/// machine running the tests cannot change what is tested.
/// </summary>
public static class CliRunner
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "model-registry.dll");

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k is "CI" or "MODEL_REGISTRY" or "RUNNER_TEMP").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
