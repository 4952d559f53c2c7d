namespace ModelRegistry.Storage;

/// <summary>A write whose outcome is unknown: the request may have been applied before the connection failed.
/// The engine resolves it by reading the object back, never by retrying blindly.</summary>
public sealed class StorageOutcomeUnknownException : Exception
{
    public StorageOutcomeUnknownException(string path, Exception inner)
        : base($"The outcome of writing '{path}' is unknown: {inner.Message}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
