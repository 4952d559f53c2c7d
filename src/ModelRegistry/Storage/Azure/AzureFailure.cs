using System.Globalization;
using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace ModelRegistry.Storage.Azure;

/// <summary>What kind of answer a failed request got, which decides what the backend reports.</summary>
internal enum AzureFailureKind
{
    NotModified,
    BlobNotFound,
    ContainerNotFound,
    AlreadyExists,
    ConditionNotMet,
    AccessDenied,
    Credential,

    /// <summary>No answer, a timeout or a server error after the SDK's retries: a write may or may not have applied.</summary>
    NoAnswer,

    /// <summary>Any other refusal (400, 409 other than exists, ...): the request certainly did not apply.</summary>
    Rejected,
}

/// <summary>A failed request, classified, with a one-line detail that is safe to show (scrubbed, no headers or body).</summary>
internal readonly record struct AzureFailure(AzureFailureKind Kind, string Detail)
{
    /// <summary>Classifies an exception from the SDK or the transport; null for anything else (bugs, the caller's own
    /// cancellation), which must propagate unchanged.</summary>
    public static AzureFailure? Classify(Exception exception, CancellationToken cancellationToken)
    {
        // An answer the service gave (404, 412, ...) stays an answer even when the caller cancelled just after it came:
        // unclassified, a plain "not found" would escape as a raw SDK exception instead of the cancellation that follows.
        if (cancellationToken.IsCancellationRequested)
        {
            return exception is RequestFailedException answered ? FromResponse(answered) : null;
        }

        switch (exception)
        {
            case RequestFailedException failed:
                return FromResponse(failed);
            case AggregateException aggregate:
                // The retry policy gave up and lists every try's exception; each was retriable, the last one speaks.
                var last = aggregate.Flatten().InnerExceptions.LastOrDefault();
                var detail = last is null ? "retries exhausted" : Classify(last, cancellationToken)?.Detail ?? FirstLine(last.Message);
                return new AzureFailure(AzureFailureKind.NoAnswer, detail);
            case AuthenticationFailedException or CredentialUnavailableException:
                return new AzureFailure(AzureFailureKind.Credential, FirstLine(exception.Message));
            case IOException or HttpRequestException or TimeoutException or SocketException or OperationCanceledException:
                return new AzureFailure(AzureFailureKind.NoAnswer, $"{exception.GetType().Name}: {FirstLine(exception.Message)}");
            case System.Xml.XmlException:
                // The SDK reads an error answer's XML body to build its exception; a proxy or a broken endpoint can send
                // XML that does not parse. Its status is lost with it, so a write may or may not have applied.
                return new AzureFailure(AzureFailureKind.NoAnswer, $"an error answer whose XML body does not parse ({FirstLine(exception.Message)})");
            default:
                return null;
        }
    }

    private static AzureFailure FromResponse(RequestFailedException failed)
    {
        var code = failed.ErrorCode ?? "";
        var detail = failed.Status == 0
            ? $"no response: {FirstLine(failed.Message)}"
            : string.Create(CultureInfo.InvariantCulture, $"{failed.Status}{(code.Length > 0 ? " " + code : "")}: {FirstLine(failed.Message)}");
        var kind = failed.Status switch
        {
            304 => AzureFailureKind.NotModified,
            404 when code == "ContainerNotFound" => AzureFailureKind.ContainerNotFound,
            404 => AzureFailureKind.BlobNotFound,
            409 when code == "BlobAlreadyExists" => AzureFailureKind.AlreadyExists,
            412 => AzureFailureKind.ConditionNotMet,
            401 or 403 => AzureFailureKind.AccessDenied,
            0 or 408 or 429 or >= 500 => AzureFailureKind.NoAnswer,
            _ => AzureFailureKind.Rejected,
        };
        return new AzureFailure(kind, detail);
    }

    /// <summary>The service's own sentence only: the rest of an SDK message lists headers and the response body.</summary>
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return SecretScrubber.Scrub(line.Length > 300 ? line[..300] + "…" : line);
    }
}
