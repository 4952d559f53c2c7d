using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>Runs the real model-registry tool (built beside the tests) as a process, with no CI or registry
/// variables of the machine leaking in.</summary>
public static class Tool
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "model-registry.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k is "CI" or "MODEL_REGISTRY" or "AZURE_STORAGE_CONNECTION_STRING").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    public static JsonNode Json(string workingDirectory, params string[] args)
    {
        var (exit, output, error) = Run(workingDirectory, null, args);
        Assert.True(exit == 0, $"model-registry {string.Join(' ', args)} exited {exit}: {error}");
        return JsonNode.Parse(output)!;
    }
}
