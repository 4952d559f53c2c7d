using ModelRegistry.Manifest;
using ModelRegistry.Reports;
using ModelRegistry.Storage;

namespace ModelRegistry;

public sealed partial class Registry
{
    /// <summary>Models the report reads at once: enough to hide storage latency (Azure round trips), few enough to stay polite.</summary>
    private const int ReadParallelism = 8;

    /// <summary>
    /// Generates the registry's static site into <see cref="ReportRequest.Output"/> (docs/report.md): the index, a page
    /// per model, per version and a history per model, byte-identical for the same registry, and written incrementally.
    /// Each model's log and each version record is read once.
    /// </summary>
    public async Task<ReportDocument> ReportAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A wrong --registry must not turn a published site into an empty one: the report reads an existing registry only.
        if (!Exists)
        {
            throw Errors.NoRegistry(Location);
        }

        if (Storage is FolderStorage folder && IsInside(Path.GetFullPath(request.Output), Path.GetFullPath(folder.Root)))
        {
            throw Errors.ReportOutputInvalid(request.Output, $"it lies inside the registry at {folder.Root}");
        }

        var names = request.Models.Count == 0
            ? await ListModelsAsync(cancellationToken)
            : [.. request.Models.Distinct(StringComparer.OrdinalIgnoreCase)];
        // Models are read side by side (reads only; the record cache is concurrent), each model's log and records once.
        var loaded = new ReportModel?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) => loaded[i] = await ReadReportModelAsync(names[i], request.AsOf, token));
        var models = loaded.OfType<ReportModel>().ToList();
        models.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name) is var c and not 0 ? c : StringComparer.Ordinal.Compare(a.Name, b.Name));
        var files = ReportSite.Build(models, Settings);
        return ReportFolder.Sync(request.Output, files, [.. models.Select(m => m.Name)]);
    }

    /// <summary>One model for the report, or null when it had no revision yet at the as-of point (it is left out then).</summary>
    private async Task<ReportModel?> ReadReportModelAsync(string name, AsOf? asOf, CancellationToken cancellationToken)
    {
        var view = await LoadModelAsync(name, asOf, cancellationToken);
        if (!view.Exists)
        {
            return null;
        }

        var history = await HistoryAsync(view.Model, new AsOf(view.Revision, null), cancellationToken);
        var versions = new List<ReportVersion>();
        foreach (var entry in history.Where(e => e.Operation == Operation.Register))
        {
            var index = IndexOf(entry);
            var record = await ReadRecordAsync(view.Model, index.Record, cancellationToken);
            versions.Add(new ReportVersion(VersionInfos.From(record, index.Record, index, view, Settings), record));
        }

        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        await AddSignaturesAsync(view, history, versions, cancellationToken);
        return new ReportModel(view, history, versions, MetricThreshold.Of(Settings, versions.LastOrDefault()?.Record));
    }

    /// <summary>One listing of the model's signatures; only the versions that have some are read and checked, each
    /// against the moves the history the report holds names (no log read).</summary>
    private async Task AddSignaturesAsync(ModelView view, IReadOnlyList<LogEntry> history, List<ReportVersion> versions, CancellationToken cancellationToken)
    {
        var moves = new Signing.ModelMoves(history);
        var signed = new SortedSet<int>();
        await foreach (var item in Storage.ListAsync(RegistryPaths.ModelSignatures(view.Key), cancellationToken))
        {
            if (RegistryPaths.SignaturePath(item.Path) is { } named)
            {
                signed.Add(named.Version);
            }
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (signed.Contains(versions[i].Number))
            {
                var document = await SignaturesAsync(view, versions[i].Info, policy: null, cancellationToken, moves: moves);
                versions[i] = versions[i] with { Signatures = document.Signatures };
            }
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(trimmed, StringComparison.Ordinal) || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
