namespace ModelRegistry.TestSupport;

/// <summary>What a finished model-registry process printed and returned.</summary>
public sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, for assertions that do not care where a line went.</summary>
    public string All => Stdout + "\n" + Stderr;
}
