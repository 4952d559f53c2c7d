namespace ModelRegistry.GitHub.Api;

/// <summary>What a failed call means for the next attempt.</summary>
internal enum FailureKind
{
    /// <summary>Refused for now and not applied (403/429 rate limits): send it again after the wait.</summary>
    RateLimited,

    /// <summary>A 5xx or a broken connection: a read is repeated, a create is read back first.</summary>
    Transient,

    /// <summary>Anything else: becomes a coded error at once.</summary>
    Final,
}
