using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ModelRegistry.Storage.Azure;

/// <summary>
/// A registry in an Azure Blob Storage container, optionally under a prefix. The commit primitive is a create-only
/// write (<c>If-None-Match: *</c>, 409 BlobAlreadyExists when the name exists), on Put Blob for small objects and on
/// the Put Block List that commits a large one. Caches are replaced with <c>If-Match</c>; reads revalidate with
/// <c>If-None-Match</c> so an unchanged object costs one request and no body. A write that got no answer (a timeout,
/// a broken connection, a 5xx after the SDK's retries) raises <see cref="StorageOutcomeUnknownException"/>, and the
/// engine settles it by reading the write back. Nothing here ever deletes except <see cref="DeleteIfUnchangedAsync"/>, which only
/// garbage collection calls.
/// </summary>
public sealed class AzureBlobStorage : IRegistryStorage
{
    private static readonly BlobRequestConditions CreateOnly = new() { IfNoneMatch = ETag.All };
    private readonly BlobContainerClient container;
    private readonly string prefix;
    private readonly AzureStorageOptions options;
    private volatile bool containerConfirmed;

    public AzureBlobStorage(BlobContainerClient container, string prefix, string displayLocation, AzureStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(prefix);
        this.container = container;
        this.prefix = prefix.Trim('/');
        this.options = options ?? new AzureStorageOptions();
        DisplayLocation = displayLocation;
    }

    public string DisplayLocation { get; }

    public BlobContainerClient Container => container;

    public string Prefix => prefix;

    public async Task<StoredObject?> ReadAsync(string path, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            var conditions = ifNoneMatch is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(ifNoneMatch) };
            var result = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            containerConfirmed = true;

            // The SDK answers 304 with a response that has no value rather than an exception.
            if (result.GetRawResponse().Status == 304)
            {
                return StoredObject.Unchanged(ifNoneMatch!);
            }

            // Streamed, so the size is known before the body is read: a huge object is refused, never buffered.
            await using var body = result.Value.Content;
            var length = result.Value.Details.ContentLength;
            if (length > StoredObject.MaxBytes)
            {
                throw Errors.ObjectTooLarge(path, length, StoredObject.MaxBytes);
            }

            var content = new byte[length];
            await body.ReadExactlyAsync(content, cancellationToken);
            return new StoredObject(content, result.Value.Details.ETag.ToString());
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind switch
            {
                AzureFailureKind.NotModified => StoredObject.Unchanged(ifNoneMatch!),
                AzureFailureKind.BlobNotFound => Confirmed<StoredObject>(),
                AzureFailureKind.ContainerNotFound => null,
                _ => throw ReadFailure(failure, "reading", path),
            };
        }
    }

    public Task<CreateOutcome> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, "creating", repeatable: true, async () =>
        {
            using var stream = AsStream(content);
            await Blob(path).UploadAsync(stream, new BlobUploadOptions { Conditions = CreateOnly }, cancellationToken);
            return CreateOutcome.Created;
        }, cancellationToken);

    public async Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken = default)
    {
        if (ifMatch is null)
        {
            return await CreateAsync(path, content, cancellationToken) == CreateOutcome.Created;
        }

        try
        {
            using var stream = AsStream(content);
            await Blob(path).UploadAsync(stream, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(ifMatch) } }, cancellationToken);
            return true;
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind is AzureFailureKind.ConditionNotMet or AzureFailureKind.BlobNotFound or AzureFailureKind.ContainerNotFound
                ? false
                : throw WriteFailure(failure, "replacing", path);
        }
    }

    public async Task<CreateOutcome> UploadAsync(string path, Stream content, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);

        // The source can be read only once, so a missing container cannot be found out halfway through and the
        // upload repeated: the container is made sure of first (one request, once per backend instance).
        if (!containerConfirmed)
        {
            await CreateContainerAsync(tolerateDenied: true, cancellationToken);
        }

        return await WriteAsync(path, "uploading", repeatable: false, () => AzureBlockUpload.UploadAsync(Blob(path), content, length, options, progress, cancellationToken), cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Blob(path).DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
            return new AzureReadStream(response.Value.Content, e => AzureFailure.Classify(e, CancellationToken.None) is { } failure ? ReadFailure(failure, "downloading", path) : null);
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind is AzureFailureKind.BlobNotFound or AzureFailureKind.ContainerNotFound ? null : throw ReadFailure(failure, "opening", path);
        }
    }

    public async Task<ObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await Blob(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            containerConfirmed = true;
            return new ObjectInfo(path, properties.ContentLength, properties.ETag.ToString(), properties.LastModified);
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind switch
            {
                AzureFailureKind.BlobNotFound => Confirmed<ObjectInfo>(),
                AzureFailureKind.ContainerNotFound => null,
                _ => throw ReadFailure(failure, "reading the properties of", path),
            };
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var root = this.prefix.Length == 0 ? "" : this.prefix + "/";
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = root + prefix }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                BlobItem item;
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        break;
                    }

                    item = pages.Current;
                }
                catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
                {
                    if (failure.Kind == AzureFailureKind.ContainerNotFound)
                    {
                        break;
                    }

                    throw ReadFailure(failure, "listing", prefix.Length == 0 ? "/" : prefix);
                }

                yield return new ObjectInfo(
                    item.Name[root.Length..],
                    item.Properties.ContentLength ?? 0,
                    item.Properties.ETag?.ToString() ?? "",
                    item.Properties.LastModified ?? item.Properties.CreatedOn ?? DateTimeOffset.MinValue);
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    public async Task<bool> TouchAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            // Set Blob Metadata changes Last-Modified and the ETag and leaves the content alone.
            var touched = new Dictionary<string, string> { ["touched"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            await Blob(path).SetMetadataAsync(touched, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind is AzureFailureKind.BlobNotFound or AzureFailureKind.ContainerNotFound
                ? false
                : throw ReadFailure(failure, "refreshing", path);
        }
    }

    public async Task<bool> DeleteIfUnchangedAsync(ObjectInfo seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        try
        {
            await Blob(seen.Path).DeleteAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { IfMatch = new ETag(seen.ETag) }, cancellationToken);
            return true;
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            return failure.Kind is AzureFailureKind.ConditionNotMet or AzureFailureKind.BlobNotFound or AzureFailureKind.ContainerNotFound
                ? false
                : throw ReadFailure(failure, "deleting", seen.Path);
        }
    }

    public async IAsyncEnumerable<(string Location, StoredObject Settings)> ReadEnclosingSettingsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var segments = prefix.Length == 0 ? [] : prefix.Split('/');
        var containerUri = new UriBuilder(container.Uri) { Query = "" }.Uri.ToString().TrimEnd('/');
        for (var depth = segments.Length - 1; depth >= 0; depth--)
        {
            var enclosing = string.Join('/', segments[..depth]);
            var name = (enclosing.Length == 0 ? "" : enclosing + "/") + Manifest.RegistryPaths.Settings;
            StoredObject? found = null;
            try
            {
                var result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
                found = new StoredObject(result.Value.Content.ToMemory(), result.Value.Details.ETag.ToString());
            }
            catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
            {
                if (failure.Kind is not (AzureFailureKind.BlobNotFound or AzureFailureKind.ContainerNotFound or AzureFailureKind.AccessDenied))
                {
                    throw ReadFailure(failure, "reading", name);
                }
            }

            if (found is not null)
            {
                yield return (enclosing.Length == 0 ? containerUri : $"{containerUri}/{enclosing}", found);
            }
        }
    }

    /// <summary>The block blob behind a registry path, under the prefix.</summary>
    public BlockBlobClient Blob(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Storage path '{path}' is not relative.", nameof(path));
        }

        return container.GetBlockBlobClient(prefix.Length == 0 ? path : prefix + "/" + path);
    }

    /// <summary>
    /// Runs a create-only write. A missing container is created once and the write repeated: a write refused for a
    /// missing container certainly did not apply. An existing name is <see cref="CreateOutcome.AlreadyExists"/>: after
    /// a retried request this may be the caller's own first try, which the engine tells apart by the write id.
    /// </summary>
    private async Task<CreateOutcome> WriteAsync(string path, string what, bool repeatable, Func<Task<CreateOutcome>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var outcome = await write();
                containerConfirmed = true;
                return outcome;
            }
            catch (AzureBlockUpload.SourceReadException e)
            {
                ExceptionDispatchInfo.Throw(e.InnerException!);
                throw;
            }
            catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
            {
                switch (failure.Kind)
                {
                    case AzureFailureKind.AlreadyExists or AzureFailureKind.ConditionNotMet:
                        return CreateOutcome.AlreadyExists;
                    case AzureFailureKind.ContainerNotFound when attempt == 0 && repeatable:
                        await CreateContainerAsync(tolerateDenied: false, cancellationToken);
                        continue;
                    case AzureFailureKind.ContainerNotFound:
                        throw Errors.AzureContainerMissing(DisplayLocation, failure.Detail);
                    default:
                        throw WriteFailure(failure, what, path);
                }
            }
        }
    }

    /// <summary>Creates the container if it does not exist. A credential scoped to the container (a container SAS, a
    /// role on the container) may not create one; before an upload that is no reason to fail, since the container
    /// usually exists, and the upload itself reports when it does not.</summary>
    private async Task CreateContainerAsync(bool tolerateDenied, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerConfirmed = true;
        }
        catch (Exception e) when (AzureFailure.Classify(e, cancellationToken) is { } failure)
        {
            if (tolerateDenied && failure.Kind == AzureFailureKind.AccessDenied)
            {
                containerConfirmed = true;
                return;
            }

            throw failure.Kind is AzureFailureKind.AccessDenied or AzureFailureKind.Rejected
                ? Errors.AzureContainerMissing(DisplayLocation, failure.Detail)
                : ReadFailure(failure, "creating the container for", "/");
        }
    }

    /// <summary>A 404 that names the blob, not the container, proves the container exists.</summary>
    private T? Confirmed<T>()
        where T : class
    {
        containerConfirmed = true;
        return null;
    }

    private Exception ReadFailure(AzureFailure failure, string what, string path) => failure.Kind switch
    {
        AzureFailureKind.AccessDenied => Errors.AzureAccessDenied(DisplayLocation, $"{what} '{path}'", failure.Detail),
        AzureFailureKind.Credential => Errors.AzureCredentialUnavailable(DisplayLocation, failure.Detail),
        AzureFailureKind.NoAnswer => new AzureUnavailableException(
            $"Azure Blob Storage at {DisplayLocation} gave no answer {what} '{path}' after {options.MaxRetries} retries ({failure.Detail}): check the network and the account's health, then run the command again."),
        _ => Errors.AzureRequestRejected(DisplayLocation, $"{what} '{path}'", failure.Detail),
    };

    private Exception WriteFailure(AzureFailure failure, string what, string path) =>
        failure.Kind == AzureFailureKind.NoAnswer
            ? new StorageOutcomeUnknownException(path, ReadFailure(failure, what, path))
            : ReadFailure(failure, what, path);

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
