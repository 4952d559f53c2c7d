namespace ModelRegistry.Storage.Azure;

/// <summary>
/// A read that Azure did not answer even after the SDK's retries (timeouts, broken connections, 5xx). It is an
/// <see cref="IOException"/> because it is one, and because the engine treats I/O failures of reads as "no answer"
/// when it reads a commit back. Its message is scrubbed of credentials.
/// </summary>
public sealed class AzureUnavailableException : IOException
{
    public AzureUnavailableException(string message)
        : base(message)
    {
    }

    public AzureUnavailableException()
    {
    }

    public AzureUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
