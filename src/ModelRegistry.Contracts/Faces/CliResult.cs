using System.Text.Json;

namespace ModelRegistry.Faces;

/// <summary>What one run of the tool produced: its exit code, the JSON document on stdout, and its stderr lines.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, IReadOnlyList<CliDiagnosticLine> Diagnostics, IReadOnlyList<string> OtherErrorLines)
{
    public bool Succeeded => ExitCode == (int)ModelRegistry.ExitCode.Success;

    /// <summary>True when the tool refused because a metric gate was not met (exit code 3).</summary>
    public bool GateNotMet => ExitCode == (int)ModelRegistry.ExitCode.GateNotMet;

    /// <summary>The coded errors as the faces show them (<c>MRB1203: ...</c>), in the order the tool wrote them.</summary>
    public IReadOnlyList<string> Errors => [.. Diagnostics.Where(d => d.IsError).Select(d => d.ToString())];

    /// <summary>Reads the result document as <typeparamref name="T"/>; throws <see cref="JsonException"/> when stdout
    /// holds no such document.</summary>
    public T Document<T>()
        where T : class => ContractJson.Deserialize<T>(StandardOutput);

    /// <summary>The problem of the error document the tool prints with --json when it fails before it has a result;
    /// null when stdout holds something else.</summary>
    public ProblemDocument? Problem()
    {
        try
        {
            return ContractJson.Deserialize<ErrorDocument>(StandardOutput) is { Error: { } problem } ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
