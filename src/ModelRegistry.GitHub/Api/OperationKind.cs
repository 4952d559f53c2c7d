namespace ModelRegistry.GitHub.Api;

/// <summary>Whether a call may simply be sent again after a 5xx.</summary>
public enum OperationKind
{
    /// <summary>A read: always safe to repeat.</summary>
    Read,

    /// <summary>A write whose repetition gives the same result (update a comment, set a commit status).</summary>
    IdempotentWrite,

    /// <summary>A write that creates something new each time (a comment, a deployment, a dispatch): after a 5xx
    /// its outcome is unknown, so it is read back before it is sent again.</summary>
    Create,
}
