using Azure;
using Azure.Storage;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// An Azure Storage connection string, taken apart into the blob endpoint and a credential. Parsed here rather than by
/// the SDK so that the endpoint can be shown and compared with a location, and so that no parser error can ever echo
/// the string back: the reasons given name keywords only, never values.
/// </summary>
internal sealed class AzureConnectionString
{
    private AzureConnectionString(Uri blobEndpoint, string? account, StorageSharedKeyCredential? sharedKey, AzureSasCredential? sas)
    {
        BlobEndpoint = blobEndpoint;
        Account = account;
        SharedKey = sharedKey;
        Sas = sas;
    }

    public Uri BlobEndpoint { get; }

    public string? Account { get; }

    public StorageSharedKeyCredential? SharedKey { get; }

    public AzureSasCredential? Sas { get; }

    public static AzureConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Errors.AzureConnectionStringInvalid("a part is not keyword=value");
            }

            pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (pairs.TryGetValue("UseDevelopmentStorage", out var development) && development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            var endpoint = pairs.TryGetValue("BlobEndpoint", out var devEndpoint) ? ParseEndpoint(devEndpoint) : new Uri("http://127.0.0.1:10000/" + AzuriteAccount.Name);
            return new AzureConnectionString(endpoint, AzuriteAccount.Name, new StorageSharedKeyCredential(AzuriteAccount.Name, AzuriteAccount.Key), null);
        }

        pairs.TryGetValue("AccountName", out var account);
        Uri blobEndpoint;
        if (pairs.TryGetValue("BlobEndpoint", out var explicitEndpoint))
        {
            blobEndpoint = ParseEndpoint(explicitEndpoint);
        }
        else if (!string.IsNullOrEmpty(account))
        {
            var protocol = pairs.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            var suffix = pairs.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            blobEndpoint = ParseEndpoint($"{protocol}://{account}.blob.{suffix}");
        }
        else
        {
            throw Errors.AzureConnectionStringInvalid("it has neither AccountName nor BlobEndpoint");
        }

        if (pairs.TryGetValue("AccountKey", out var key) && key.Length > 0)
        {
            if (string.IsNullOrEmpty(account))
            {
                throw Errors.AzureConnectionStringInvalid("AccountKey needs AccountName");
            }

            try
            {
                return new AzureConnectionString(blobEndpoint, account, new StorageSharedKeyCredential(account, key), null);
            }
            catch (FormatException)
            {
                throw Errors.AzureConnectionStringInvalid("AccountKey is not base64");
            }
        }

        if (pairs.TryGetValue("SharedAccessSignature", out var sas) && sas.Length > 0)
        {
            return new AzureConnectionString(blobEndpoint, string.IsNullOrEmpty(account) ? null : account, null, new AzureSasCredential(sas.TrimStart('?')));
        }

        throw Errors.AzureConnectionStringInvalid("it has neither AccountKey nor SharedAccessSignature");
    }

    /// <summary>The account this connection string is for: its AccountName, or the endpoint's first host label.</summary>
    public string AccountOrHost =>
        Account ?? (BlobEndpoint.IsLoopback ? BlobEndpoint.AbsolutePath.Trim('/').Split('/')[0] : BlobEndpoint.Host.Split('.')[0]);

    private static Uri ParseEndpoint(string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            ? uri
            : throw Errors.AzureConnectionStringInvalid("its blob endpoint is not an http(s) URL without a query");
}
