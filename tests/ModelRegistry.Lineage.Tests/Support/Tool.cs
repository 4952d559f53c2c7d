using System.Text.Json.Nodes;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>Runs the real model-registry tool (built beside the tests) through <see cref="CliProcess"/>, in the
/// shapes these tests read.</summary>
public static class Tool
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var result = CliProcess.Run(workingDirectory, environment, args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    public static JsonNode Json(string workingDirectory, params string[] args)
    {
        var (exit, output, error) = Run(workingDirectory, null, args);
        Assert.True(exit == 0, $"model-registry {string.Join(' ', args)} exited {exit}: {error}");
        return JsonNode.Parse(output)!;
    }
}
