namespace ModelRegistry;

/// <summary>The exit codes of model-registry; docs/cli.md documents the same table.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>The operation failed or was refused: a coded error is on stderr.</summary>
    Failure = 1,

    /// <summary>The command line was wrong.</summary>
    Usage = 2,

    /// <summary>A metric gate was not met: nothing was registered or promoted.</summary>
    GateNotMet = 3,
}
