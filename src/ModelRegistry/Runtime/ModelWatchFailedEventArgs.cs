namespace ModelRegistry.Runtime;

/// <summary>One poll of a watch failed (the registry was unreachable, for example); the watch keeps the version it
/// had and tries again at the next interval.</summary>
public sealed class ModelWatchFailedEventArgs(Exception error) : EventArgs
{
    public Exception Error { get; } = error;
}
