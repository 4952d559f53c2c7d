using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// Opens an Azure location with the credential its form calls for (docs/azure.md):
/// <list type="bullet">
/// <item>a URL with a query: the query is a SAS;</item>
/// <item><c>azure://container[/prefix]</c>: the connection string in <see cref="ConnectionStringVariable"/>;</item>
/// <item>a URL without a query while <see cref="ConnectionStringVariable"/> is set: that connection string, which must be for the URL's account;</item>
/// <item>an emulator URL (<c>http://127.0.0.1:port/devstoreaccount1/container</c>) otherwise: the emulator's development account;</item>
/// <item>any other https URL: <see cref="DefaultAzureCredential"/> (Azure CLI login, managed identity, workload identity in CI).</item>
/// </list>
/// </summary>
public static class AzureConnector
{
    public const string ConnectionStringVariable = "MODEL_REGISTRY_CONNECTION_STRING";

    /// <summary>The newest service version Azurite 3.37 accepts; the SDK's default (2026-10-06) is refused by it.</summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>True when a location string names Azure rather than a folder.</summary>
    public static bool IsAzureLocation(string location) => AzureLocation.Recognises(location);

    /// <summary>Opens the location with the process's <see cref="ConnectionStringVariable"/>.</summary>
    public static AzureBlobStorage Open(string location, AzureStorageOptions? options = null) =>
        Open(location, Environment.GetEnvironmentVariable(ConnectionStringVariable), options);

    /// <summary>Opens the location; <paramref name="connectionString"/> stands for <see cref="ConnectionStringVariable"/>.</summary>
    public static AzureBlobStorage Open(string location, string? connectionString, AzureStorageOptions? options = null)
    {
        options ??= new AzureStorageOptions();
        var parsed = AzureLocation.Parse(location);
        var clientOptions = ClientOptions(options);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = null;
        }

        if (parsed.UsesConnectionString)
        {
            var fromString = AzureConnectionString.Parse(connectionString ?? throw Errors.AzureConnectionStringMissing(SecretScrubber.Scrub(location)));
            return Storage(fromString.BlobEndpoint, parsed, fromString, clientOptions, options);
        }

        var service = parsed.ServiceUri!;
        var display = parsed.Display(service);
        if (service.Scheme == Uri.UriSchemeHttp && !parsed.IsLoopback)
        {
            throw Errors.AzureInsecureLocation(display);
        }

        if (parsed.Sas is { } sas)
        {
            return new AzureBlobStorage(new BlobContainerClient(ContainerUri(service, parsed), new AzureSasCredential(sas), clientOptions), parsed.Prefix, display, options);
        }

        if (connectionString is not null)
        {
            var fromString = AzureConnectionString.Parse(connectionString);
            if (!string.Equals(fromString.AccountOrHost, parsed.Account, StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.AzureConnectionStringAccountMismatch(fromString.AccountOrHost, parsed.Account ?? "");
            }

            return Storage(service, parsed, fromString, clientOptions, options);
        }

        if (parsed.IsLoopback && string.Equals(parsed.Account, AzuriteAccount.Name, StringComparison.Ordinal))
        {
            var key = new StorageSharedKeyCredential(AzuriteAccount.Name, AzuriteAccount.Key);
            return new AzureBlobStorage(new BlobContainerClient(ContainerUri(service, parsed), key, clientOptions), parsed.Prefix, display, options);
        }

        if (service.Scheme == Uri.UriSchemeHttp)
        {
            throw Errors.InvalidAzureLocation(display, $"an http endpoint needs a SAS query, {ConnectionStringVariable}, or the emulator's account {AzuriteAccount.Name}");
        }

        TokenCredential credential = new DefaultAzureCredential();
        return new AzureBlobStorage(new BlobContainerClient(ContainerUri(service, parsed), credential, clientOptions), parsed.Prefix, display, options);
    }

    private static AzureBlobStorage Storage(Uri service, AzureLocation parsed, AzureConnectionString fromString, BlobClientOptions clientOptions, AzureStorageOptions options)
    {
        var uri = ContainerUri(service, parsed);
        var client = fromString.SharedKey is { } key
            ? new BlobContainerClient(uri, key, clientOptions)
            : new BlobContainerClient(uri, fromString.Sas!, clientOptions);
        return new AzureBlobStorage(client, parsed.Prefix, parsed.Display(service), options);
    }

    private static Uri ContainerUri(Uri service, AzureLocation parsed) =>
        new($"{SecretScrubber.DisplayUri(service)}/{parsed.Container}");

    private static BlobClientOptions ClientOptions(AzureStorageOptions options)
    {
        var clientOptions = new BlobClientOptions(ServiceVersion);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        foreach (var policy in options.PerTryPolicies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return clientOptions;
    }
}
