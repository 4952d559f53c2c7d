namespace ModelRegistry;

/// <summary>How an error ends a command; the CLI maps each kind to its exit code.</summary>
public enum ErrorKind
{
    /// <summary>The operation failed or was refused.</summary>
    Failure,

    /// <summary>The command line itself was wrong.</summary>
    Usage,

    /// <summary>A metric gate was not met: nothing was registered or promoted.</summary>
    GateNotMet,
}
