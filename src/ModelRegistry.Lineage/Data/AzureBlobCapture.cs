using System.Text.RegularExpressions;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Data;

/// <summary>
/// Records an Azure blob by what its properties say: ETag, version id, last modification and Content-MD5. Reading
/// properties costs one HEAD request and no download. Access, in order: a SAS in the URI; the account key of a
/// connection string in <c>AZURE_STORAGE_CONNECTION_STRING</c> when it names the blob's account; the configured
/// token credential; anonymous (public containers). When none works the blob is recorded as given, with MRB1555.
/// </summary>
internal static partial class AzureBlobCapture
{
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    public static bool IsAzureBlob(Uri uri, IReadOnlyList<Uri> extraEndpoints) =>
        AzureBlobHost().IsMatch(uri.Host)
        || extraEndpoints.Any(e => uri.AbsoluteUri.StartsWith(e.AbsoluteUri.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));

    public static async Task<(DataInput Input, string? Warning)> CaptureAsync(Uri uri, CaptureOptions options, CancellationToken cancellationToken)
    {
        // A SAS is never recorded: only versionid and snapshot, which name what was read, stay in the source.
        var source = SecretRedaction.Scrub(UrlRedaction.RedactKeepingOnly(uri.AbsoluteUri, "versionid", "snapshot"));
        try
        {
            var client = Client(uri, options);
            var properties = (await client.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return (new DataInput
            {
                Kind = DataKinds.AzureBlob,
                Source = source,
                ETag = properties.ETag.ToString(),
                VersionId = properties.VersionId,
                LastModified = properties.LastModified,
                ContentMd5 = properties.ContentHash is { Length: > 0 } md5 ? "md5:" + Convert.ToHexStringLower(md5) : null,
                Size = properties.ContentLength,
                FileCount = 1,
            }, null);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or Azure.Identity.AuthenticationFailedException or OperationCanceledException or FormatException or InvalidOperationException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return (Unresolved(source), LineageErrors.BlobNotReachableWarning(source, Why(e)));
        }
    }

    /// <summary>Why, in words that carry no request details: an exception message may echo headers or the URI.</summary>
    private static string Why(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: > 0 } many => Why(many.InnerExceptions[^1]),
        RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status}{(failed.ErrorCode is null ? "" : " " + failed.ErrorCode)}",
        RequestFailedException { InnerException: { } inner } => Why(inner),
        HttpRequestException http => $"the service could not be reached: {http.HttpRequestError}",
        Azure.Identity.CredentialUnavailableException => "no credential is available",
        Azure.Identity.AuthenticationFailedException => "authentication failed",
        OperationCanceledException => "the request timed out",
        FormatException => "the account key in AZURE_STORAGE_CONNECTION_STRING is not valid base64",
        _ => e.GetType().Name,
    };

    private static DataInput Unresolved(string source) => new() { Kind = DataKinds.AzureBlob, Source = source };

    private static BlobClient Client(Uri uri, CaptureOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 1;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);

        var parts = new BlobUriBuilder(uri);
        if (!string.IsNullOrEmpty(parts.Sas?.Signature))
        {
            return new BlobClient(uri, clientOptions);
        }

        parts.Sas = null;
        var plain = parts.ToUri();
        if (options.GetVariable(ConnectionStringVariable) is { Length: > 0 } connection
            && SharedKey(connection) is { } key
            && string.Equals(key.AccountName, parts.AccountName, StringComparison.OrdinalIgnoreCase))
        {
            return new BlobClient(plain, key, clientOptions);
        }

        return options.BlobCredential is { } credential ? new BlobClient(plain, credential, clientOptions) : new BlobClient(plain, clientOptions);
    }

    /// <summary>The account name and key of a connection string, or null when it has none (a SAS connection string).</summary>
    private static StorageSharedKeyCredential? SharedKey(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("AccountName", out var name) && parts.TryGetValue("AccountKey", out var key)
            ? new StorageSharedKeyCredential(name, key)
            : null;
    }

    [GeneratedRegex(@"^[a-z0-9]{3,24}\.blob\.core\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$", RegexOptions.IgnoreCase)]
    private static partial Regex AzureBlobHost();
}
