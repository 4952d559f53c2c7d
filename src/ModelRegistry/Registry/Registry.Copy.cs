using System.Text.Json.Nodes;
using ModelRegistry.Content;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>The code the verifying stream raises when bytes do not match their digest; taken from its factory so
    /// that the code is written in one place only.</summary>
    private static readonly string UnreadableCode = Errors.ArtifactUnreadable("", "").Code;

    /// <summary>
    /// Copies one version of this registry into <paramref name="destination"/> (a team's folder registry into the
    /// company's Azure registry, say). Files go across by digest (skipped when the destination holds them), verified on
    /// the way; the version record is copied byte for byte, so the version keeps its ID, recipe, metrics, label, tags
    /// and description. The destination numbers it in its own log, with a register revision that names the source;
    /// stages and aliases are not copied, since each registry governs its own. Idempotent: when the destination already
    /// holds the same recipe, that version is returned and nothing is written. The version's registration signatures
    /// go along when they still sign it there (<see cref="CarrySignaturesAsync"/>).
    /// </summary>
    public async Task<CopyResult> CopyVersionAsync(string reference, Registry destination, string? actor = null, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return await CarrySignaturesAsync(await CopyRecordAsync(reference, destination, actor, progress, cancellationToken), destination, cancellationToken);
    }

    private async Task<CopyResult> CopyRecordAsync(string reference, Registry destination, string? actor, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var source = (await ResolveAsync(reference, null, cancellationToken)).EnsureFilesStored();
        var key = KeyOf(source.Model);
        var recordPath = RegistryPaths.Record(key, source.Digest);
        var stored = await Storage.ReadAsync(recordPath, null, cancellationToken) ?? throw Errors.CorruptEntry(recordPath, "the record a revision names is missing");
        var recordBytes = stored.Content.ToArray();
        var actual = Sha256Digest.Of(recordBytes);
        if (actual != source.Digest)
        {
            throw Errors.DigestMismatch(recordPath, source.Digest, actual);
        }

        var record = RegistryJson.Deserialize<VersionRecord>(recordBytes, recordPath);
        var view = await destination.Log.LoadAsync(key, cancellationToken);
        ModelNameRules.EnsureCreatable(record.Model, view.Exists ? view.Model : null);
        if (await destination.FindByRecipeAsync(view, record.RecipeDigest, cancellationToken) is { } same)
        {
            if (!view.State.Purged.ContainsKey(same.Version))
            {
                return new CopyResult(source, await destination.InfoAsync(view, same, cancellationToken), Created: false, 0);
            }

            // The destination purged that version: copying its files there again restores it.
            long restored = 0;
            foreach (var file in record.Files.DistinctBy(f => f.Digest))
            {
                restored += await CopyFileAsync(destination, file, progress, cancellationToken);
            }

            var restoredView = await destination.CommitRestoreAsync(key, same, actor, $"copied again from {Location}", cancellationToken);
            return new CopyResult(source, await destination.InfoAsync(restoredView, same, cancellationToken), Created: false, restored);
        }

        if (record.Label is not null && await destination.FindByLabelAsync(view, record.Label, cancellationToken) is { } labelled)
        {
            throw Errors.LabelTaken(view.Model, record.Label, labelled.Version);
        }

        await destination.EnsureCreatedAsync(cancellationToken);
        long copied = 0;
        foreach (var file in record.Files.DistinctBy(f => f.Digest))
        {
            copied += await CopyFileAsync(destination, file, progress, cancellationToken);
        }

        await destination.CreateImmutableAsync(recordPath, recordBytes, cancellationToken);

        // Copied byte for byte, the record has the same name at every attempt: one an interrupted copy left behind may be
        // an old orphan that gc is about to take, and creating it again finds it there and changes nothing. Refreshed
        // like a reused file, gc keeps it until the commit names it; gone since we wrote it means write it again.
        if (!await destination.Storage.TouchAsync(recordPath, cancellationToken))
        {
            await destination.CreateImmutableAsync(recordPath, recordBytes, cancellationToken);
        }
        await destination.CreateImmutableAsync(RegistryPaths.ModelEntry(key), RegistryJson.Serialize(new ModelIndexEntry(record.Model, record.Created)), cancellationToken);

        var copiedFrom = new JsonObject
        {
            ["registry"] = Location,
            ["model"] = source.Model,
            ["version"] = source.Version,
            ["digest"] = source.Digest,
        };
        VersionIndexEntry? existing = null;
        var (after, entry) = await destination.Log.CommitAsync(key, async latest =>
        {
            existing = await destination.FindByRecipeAsync(latest, record.RecipeDigest, cancellationToken);
            if (existing is not null)
            {
                return null;
            }

            if (record.Label is not null && await destination.FindByLabelAsync(latest, record.Label, cancellationToken) is { } taken)
            {
                throw Errors.LabelTaken(latest.Model, record.Label, taken.Version);
            }

            return new LogEntry
            {
                Revision = 0,
                WriteId = "",
                Time = DateTimeOffset.UtcNow,
                Actor = Actor(actor),
                Operation = Operation.Register,
                Model = latest.Exists ? latest.Model : record.Model,
                Version = latest.State.LatestVersion + 1,
                Record = source.Digest,
                Recipe = record.RecipeDigest,
                Label = record.Label,
                Reason = $"copied from {Location} ({source.Model} version {source.Version})",
                // A fresh node each time: a lost race decides again, and a node belongs to one document.
                Evidence = new JsonObject { ["copiedFrom"] = copiedFrom.DeepClone() },
            };
        }, cancellationToken);

        if (entry is null)
        {
            // Another writer registered the recipe first; if that version was purged, the files just copied restore it.
            var current = after.State.Purged.ContainsKey(existing!.Version)
                ? await destination.CommitRestoreAsync(key, existing, actor, $"copied again from {Location}", cancellationToken)
                : after;
            return new CopyResult(source, await destination.InfoAsync(current, existing, cancellationToken), Created: false, copied);
        }

        var index = new VersionIndexEntry(entry.Version!.Value, source.Digest, record.RecipeDigest, entry.Revision, entry.Time, entry.Label);
        return new CopyResult(source, await destination.InfoAsync(after, index, cancellationToken), Created: true, copied);
    }

    /// <summary>Streams one stored file into the destination under the same content address, verified as it goes:
    /// a damaged source file fails the read of its last byte, before the destination commits the upload.</summary>
    private async Task<long> CopyFileAsync(Registry destination, ArtifactFile file, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var path = RegistryPaths.Blob(file.Digest);
        var existing = await destination.Storage.GetInfoAsync(path, cancellationToken);
        if (existing is not null && existing.Size != file.Size)
        {
            throw Errors.CorruptEntry(path, $"the destination holds {existing.Size} bytes where {file.Size} are expected");
        }

        // Reused: refreshed so the destination's gc cannot take it before the commit names it (BlobStore.PutAsync does
        // the same for registrations); gone since we looked means copy it after all.
        if (existing is not null && await destination.Storage.TouchAsync(path, cancellationToken))
        {
            return 0;
        }

        var source = await Storage.OpenReadAsync(path, cancellationToken) ?? throw Errors.BlobMissing(file.Digest, file.Path);
        var reporter = progress is null ? null : new Progress<long>(done => progress.Report(new TransferProgress(file.Path, done, file.Size)));
        await using var verifying = new VerifyingReadStream(source, file.Digest, file.Size, file.Path);
        try
        {
            return await destination.Storage.UploadAsync(path, verifying, file.Size, reporter, cancellationToken) == CreateOutcome.Created ? file.Size : 0;
        }
        catch (RegistryException e) when (e.Code == UnreadableCode)
        {
            throw Errors.CopySourceDamaged(Location, file.Path, file.Digest);
        }
        catch (StorageOutcomeUnknownException)
        {
            // Content-addressed: whoever wrote the name wrote these bytes, so existence with the right size settles it.
            var info = await destination.Storage.GetInfoAsync(path, cancellationToken);
            return info is not null && info.Size == file.Size ? file.Size : throw Errors.OutcomeUnknown($"copying {file.Path}", path);
        }
    }
}
