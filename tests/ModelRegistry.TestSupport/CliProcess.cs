using System.Diagnostics;

namespace ModelRegistry.TestSupport;

/// <summary>
/// Runs the built CLI as its own process, the way MSBuild, Cake, workflow steps and shells run it:
/// <c>dotnet model-registry.dll</c>. A test project that references ModelRegistry.Cli gets model-registry.dll (with
/// its runtimeconfig and deps files) copied next to its own assembly, which is where this looks.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "model-registry.dll");

    /// <summary>The dotnet host running these tests, so the CLI runs on the same runtime.</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public static Process Start(string? workingDirectory, params string[] args) =>
        Start<string>(workingDirectory, null, args);

    /// <summary>
    /// Starts model-registry hermetically: inherited GITHUB_*, CI, RUNNER_TEMP, MODEL_REGISTRY, MODEL_REGISTRY_CONNECTION_STRING, MODEL_REGISTRY_SIGNING_KEY and
    /// AZURE_STORAGE_CONNECTION_STRING are removed so the machine running the tests cannot change what is tested;
    /// then the variables given are set (a null value leaves the variable unset).
    /// </summary>
    public static Process Start<TValue>(string? workingDirectory, IReadOnlyDictionary<string, TValue>? environment, params string[] args)
        where TValue : class?
    {
        var info = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(IsInherited).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, TValue>())
        {
            info.Environment[name] = value?.ToString();
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Host);
    }

    public static Task<CliOutcome> RunAsync(string? workingDirectory, params string[] args) =>
        RunAsync<string>(workingDirectory, null, args);

    /// <summary>Runs model-registry to the end; one that hangs is killed after two minutes, so the test fails fast
    /// and leaves nothing running.</summary>
    public static async Task<CliOutcome> RunAsync<TValue>(string? workingDirectory, IReadOnlyDictionary<string, TValue>? environment, params string[] args)
        where TValue : class?
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"model-registry {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new CliOutcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The same as <see cref="RunAsync{TValue}"/>, for tests that are not async.</summary>
    public static CliOutcome Run(string? workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, args).GetAwaiter().GetResult();

    /// <summary>The same as <see cref="RunAsync{TValue}"/>, for tests that are not async.</summary>
    public static CliOutcome Run<TValue>(string? workingDirectory, IReadOnlyDictionary<string, TValue>? environment, params string[] args)
        where TValue : class? =>
        RunAsync(workingDirectory, environment, args).GetAwaiter().GetResult();

    private static bool IsInherited(string name) =>
        name.StartsWith("GITHUB_", StringComparison.Ordinal)
        || name is "CI" or "RUNNER_TEMP" or "MODEL_REGISTRY" or "MODEL_REGISTRY_CONNECTION_STRING" or "MODEL_REGISTRY_SIGNING_KEY" or "AZURE_STORAGE_CONNECTION_STRING";
}
