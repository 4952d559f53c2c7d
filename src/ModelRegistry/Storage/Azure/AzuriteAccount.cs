namespace ModelRegistry.Storage.Azure;

/// <summary>
/// The Azure Storage emulator's built-in development account. Its key is public (Microsoft documents it, and every
/// Azurite install accepts it), so it is no secret; it is still treated as one and never printed.
/// </summary>
public static class AzuriteAccount
{
    public const string Name = "devstoreaccount1";

    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string of an Azurite blob service listening on <paramref name="blobEndpoint"/>.</summary>
    public static string ConnectionString(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        return $"DefaultEndpointsProtocol=http;AccountName={Name};AccountKey={Key};BlobEndpoint={blobEndpoint.ToString().TrimEnd('/')};";
    }
}
