using ModelRegistry.Manifest;
using ModelRegistry.Signing;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Carries the copied version's valid registration signatures, and the public keys they name, into the destination,
    /// create-only, when the copy keeps the model name, the version number and the version record: the statement names
    /// all three beside the files, so on a renumbered copy it would claim a version the destination gives to another,
    /// and on a version the destination registered itself it would not match; then nothing is carried and the result
    /// says why. Stage-move signatures never go:
    /// they sign a revision of this registry's log, and stages are not copied. Each carried signature is checked again
    /// in the destination, with the key it now stores.
    /// </summary>
    private async Task<CopyResult> CarrySignaturesAsync(CopyResult result, Registry destination, CancellationToken cancellationToken)
    {
        var source = result.Source;
        var copy = result.Destination;
        var valid = await ValidRegistrationSignaturesAsync(source, cancellationToken);
        if (valid.Count == 0)
        {
            return result;
        }

        if (copy.Version != source.Version || !string.Equals(copy.Model, source.Model, StringComparison.Ordinal))
        {
            return result with { SignatureNote = Errors.SignaturesNotCopiedWarning(source.Reference, valid.Count, $"they name {source.Reference}, and the copy is {copy.Reference}, a version number the destination gives to another") };
        }

        if (copy.Digest != source.Digest)
        {
            // The destination registered the same recipe itself: its record, and so its version digest, is another.
            return result with { SignatureNote = Errors.SignaturesNotCopiedWarning(source.Reference, valid.Count, $"they name version digest {source.Digest}, and the destination holds {copy.Reference} under its own record {copy.Digest}") };
        }

        var carried = new List<SignatureEntry>();
        using var checker = new SignatureChecker(destination, null);
        foreach (var signature in valid)
        {
            var keyPem = await Storage.ReadAsync(RegistryPaths.SigningKey(signature.KeyId), null, cancellationToken);
            var bundle = await Storage.ReadAsync(signature.Path, null, cancellationToken);
            if (keyPem is null || bundle is null)
            {
                continue; // Deleted since it was checked: there is nothing left to carry.
            }

            await destination.PublishKeyAsync(signature.KeyId, System.Text.Encoding.ASCII.GetString(keyPem.Content.Span), cancellationToken);
            var path = RegistryPaths.RegistrationSignature(KeyOf(copy.Model), copy.Version, signature.KeyId);
            try
            {
                await destination.Storage.CreateAsync(path, bundle.Content, cancellationToken);
            }
            catch (StorageOutcomeUnknownException)
            {
                // Judged below like one that was there already: whatever the destination holds is checked and reported.
            }

            carried.Add(await checker.CheckAsync(path, copy, null, null, cancellationToken));
        }

        return result with { Signatures = carried };
    }

    /// <summary>The registration signatures stored for <paramref name="version"/> that verify under the key they name.</summary>
    private async Task<List<SignatureEntry>> ValidRegistrationSignaturesAsync(VersionInfo version, CancellationToken cancellationToken)
    {
        var valid = new List<SignatureEntry>();
        using var checker = new SignatureChecker(this, null);
        await foreach (var item in Storage.ListAsync(RegistryPaths.VersionSignatures(KeyOf(version.Model), version.Version), cancellationToken))
        {
            if (RegistryPaths.SignaturePath(item.Path) is { Revision: null } named && named.Version == version.Version
                && await checker.CheckAsync(item.Path, version, null, null, cancellationToken) is { Valid: true } entry)
            {
                valid.Add(entry);
            }
        }

        return valid;
    }
}
