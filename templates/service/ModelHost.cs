namespace ModelService;

/// <summary>
/// The model the service scores with right now. A new version replaces it in one reference swap: requests already
/// scoring finish on the old one, the next ones use the new one.
/// </summary>
public sealed class ModelHost(ServedModel initial, ILogger<ModelHost> logger)
{
    private ServedModel current = initial;

    public ServedModel Current => Volatile.Read(ref current);

    public Score Score(Transaction transaction) => Current.Score(transaction);

    /// <remarks>The previous model is not disposed here: a request may still be scoring with it.</remarks>
    public void Replace(ServedModel next)
    {
        var previous = Interlocked.Exchange(ref current, next);
        logger.LogInformation("Now serving {Model}; was {Previous}.", next, previous);
    }
}
