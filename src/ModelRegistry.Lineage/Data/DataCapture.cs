using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Data;

/// <summary>Records each declared data input: local files and folders by digest, Azure blobs by their properties,
/// other URIs as given without credentials.</summary>
internal static class DataCapture
{
    public static async Task<(DataInput Input, IReadOnlyList<string> Warnings)> CaptureAsync(string declared, CaptureOptions options, PathDisplay display, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            throw LineageErrors.InvalidDataInput(declared, "it is empty");
        }

        if (LocalDataInput.RemoteUri(declared) is { } uri)
        {
            if (AzureBlobCapture.IsAzureBlob(uri, options.AzureBlobEndpoints))
            {
                var (blob, warning) = await AzureBlobCapture.CaptureAsync(uri, options, cancellationToken).ConfigureAwait(false);
                return (blob, warning is null ? [] : [warning]);
            }

            return (new DataInput { Kind = DataKinds.Uri, Source = SecretRedaction.Scrub(UrlRedaction.Redact(declared)) }, []);
        }

        var full = LocalDataInput.FullPath(declared, options.ProjectDirectory);
        return await LocalDataInput.CaptureAsync(full, display, cancellationToken).ConfigureAwait(false);
    }
}
