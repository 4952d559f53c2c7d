using ModelRegistry.Faces;

namespace ModelRegistry.Build.Cli;

/// <summary>What one run of the tool produced: its exit code, the JSON document on stdout, and its stderr lines.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, IReadOnlyList<CliDiagnosticLine> Diagnostics, IReadOnlyList<string> OtherErrorLines)
{
    public const int Success = 0;

    /// <summary>The tool's exit code for "a metric gate was not met" (docs/cli.md).</summary>
    public const int GateNotMet = 3;

    public bool Succeeded => ExitCode == Success;
}
