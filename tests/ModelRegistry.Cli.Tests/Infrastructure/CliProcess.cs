using System.Diagnostics;

namespace ModelRegistry.Cli.Tests.Infrastructure;

/// <summary>What a finished model-registry process printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built CLI as its own process, the way MSBuild, Cake and shells run it: <c>dotnet model-registry.dll</c>.
/// The project reference copies model-registry.dll (with its runtimeconfig and deps files) next to this assembly.
/// </summary>
public static class CliProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "model-registry.dll");

    /// <summary>The dotnet host running these tests, so the CLI runs on the same runtime.</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public static Process Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Hermetic: no GitHub Actions outputs, no registry from the caller's environment.
        foreach (var variable in new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "MODEL_REGISTRY" })
        {
            info.Environment.Remove(variable);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Host);
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
