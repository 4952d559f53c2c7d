using ModelRegistry.Content;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Manifest;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Queries;

/// <summary>
/// The lineage questions every face asks, answered from the registry alone: the recipe of a version, every version
/// trained on a dataset (and which held Production, now or at a point in history), the differences between two
/// versions, and the provenance statement of a version.
/// </summary>
public sealed class LineageQueries(Registry registry)
{
    public Registry Registry { get; } = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>The whole recipe of the version a reference names.</summary>
    public async Task<VersionLineage> LineageAsync(string reference, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var version = await Registry.ResolveAsync(reference, asOf, cancellationToken).ConfigureAwait(false);
        var record = await Registry.ReadRecordAsync(version.Model, version.Digest, cancellationToken).ConfigureAwait(false);
        return new VersionLineage(version, record.Recipe) { Evaluation = record.Evaluation };
    }

    /// <summary>
    /// Every version, of every model or of one, whose recipe names the dataset: by digest (a <c>sha256:</c> digest,
    /// or a local file or folder hashed now, which also finds it inside recorded folders), by Content-MD5
    /// (<c>md5:</c>), or by source as recorded (a URI, or a path that no longer exists). Stages are read as of
    /// <paramref name="asOf"/> when given; a revision number needs <paramref name="model"/>, since it counts one
    /// model's history.
    /// </summary>
    public async Task<DatasetLineage> ByDatasetAsync(string dataset, string? model = null, AsOf? asOf = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (string.IsNullOrWhiteSpace(dataset))
        {
            // Reached from a command line (--dataset ""), so a coded refusal, not an argument exception.
            throw LineageErrors.InvalidDataInput(dataset, "it is empty");
        }
        if (asOf?.Revision is not null && model is null)
        {
            throw LineageErrors.AsOfRevisionNeedsModel(asOf.ToString());
        }

        var matcher = await DatasetMatcher.CreateAsync(dataset, workingDirectory ?? Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        var models = model is null ? await Registry.ListModelsAsync(cancellationToken).ConfigureAwait(false) : [model];
        var uses = new List<DatasetUse>();
        foreach (var name in models)
        {
            foreach (var version in await Registry.ListVersionsAsync(name, asOf, cancellationToken).ConfigureAwait(false))
            {
                var record = await Registry.ReadRecordAsync(version.Model, version.Digest, cancellationToken).ConfigureAwait(false);
                foreach (var input in record.Recipe.Data)
                {
                    if (matcher.Match(input) is { } match)
                    {
                        uses.Add(new DatasetUse
                        {
                            Model = version.Model,
                            Version = version.Version,
                            Digest = version.Digest,
                            Stage = version.Stage,
                            Aliases = version.Aliases,
                            Created = version.Created,
                            Input = input.Source,
                            InputDigest = input.Digest ?? input.ContentMd5,
                            MatchedBy = match.By,
                            MatchedFile = match.File,
                        });
                        break;
                    }
                }
            }
        }

        // The answer echoes the question: a SAS signature or token in a URI asked about is not printed back.
        return new DatasetLineage
        {
            Dataset = SecretRedaction.Scrub(UrlRedaction.Redact(dataset)),
            Digest = matcher.Digest,
            AsOf = asOf?.ToString(),
            Versions = uses,
            InProduction = [.. uses.Where(u => u.Stage.Equals(RegistrySettings.Production, StringComparison.OrdinalIgnoreCase))],
        };
    }

    /// <summary>What differs between two versions (of one model or of two).</summary>
    public async Task<VersionDiff> DiffAsync(string left, string right, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var a = await LineageAsync(left, asOf, cancellationToken).ConfigureAwait(false);
        var b = await LineageAsync(right, asOf, cancellationToken).ConfigureAwait(false);
        var metrics = a.Metrics.Keys.Union(b.Metrics.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(m =>
            {
                double? l = a.Metrics.TryGetValue(m, out var lv) ? lv : null;
                double? r = b.Metrics.TryGetValue(m, out var rv) ? rv : null;
                return new MetricChange(m, l, r, l is not null && r is not null ? r - l : null);
            })
            .ToList();
        var leftFiles = a.Files.ToDictionary(f => f.Path, f => f.Digest, StringComparer.Ordinal);
        var rightFiles = b.Files.ToDictionary(f => f.Path, f => f.Digest, StringComparer.Ordinal);
        var files = leftFiles.Keys.Union(rightFiles.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(p => new FieldChange(p, leftFiles.GetValueOrDefault(p), rightFiles.GetValueOrDefault(p), Identity: true))
            .Where(c => c.Left != c.Right)
            .ToList();
        return new VersionDiff { Left = a, Right = b, Recipe = RecipeDiff.Compare(a.Recipe, b.Recipe), Metrics = metrics, Files = files, Schema = Schemas.SchemaCompatibility.Compare(a.Schema, b.Schema) };
    }

    /// <summary>The in-toto Statement v1 with an SLSA Provenance v1 predicate for the version a reference names.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> ProvenanceAsync(string reference, AsOf? asOf = null, CancellationToken cancellationToken = default)
    {
        var version = await Registry.ResolveAsync(reference, asOf, cancellationToken).ConfigureAwait(false);
        var record = await Registry.ReadRecordAsync(version.Model, version.Digest, cancellationToken).ConfigureAwait(false);
        return ProvenanceStatement.Build(version, record);
    }

    /// <summary>How a dataset asked about is recognised in recorded data inputs.</summary>
    private sealed class DatasetMatcher
    {
        private readonly HashSet<string> sources = new(StringComparer.Ordinal);

        public string? Digest { get; private init; }

        private string? Md5 { get; init; }

        public static async Task<DatasetMatcher> CreateAsync(string dataset, string workingDirectory, CancellationToken cancellationToken)
        {
            var text = dataset.Trim();
            if (Sha256Digest.IsValid(text.ToLowerInvariant()))
            {
                return new DatasetMatcher { Digest = text.ToLowerInvariant() };
            }

            if (text.Length == 64 && text.All(Uri.IsHexDigit))
            {
                return new DatasetMatcher { Digest = Sha256Digest.Prefix + text.ToLowerInvariant() };
            }

            if (text.StartsWith("md5:", StringComparison.OrdinalIgnoreCase))
            {
                return new DatasetMatcher { Md5 = text.ToLowerInvariant() };
            }

            if (LocalDataInput.RemoteUri(text) is not null)
            {
                var matcher = new DatasetMatcher();
                matcher.sources.Add(SecretRedaction.Scrub(UrlRedaction.Redact(text)));
                matcher.sources.Add(UrlRedaction.RedactKeepingOnly(text, "versionid", "snapshot"));
                return matcher;
            }

            var full = LocalDataInput.FullPath(text, workingDirectory);
            var display = new PathDisplay(PathDisplay.FindRepositoryRoot(Path.GetDirectoryName(full) ?? full) ?? PathDisplay.FindRepositoryRoot(workingDirectory));
            var byPath = new DatasetMatcher();
            if (Directory.Exists(full) || File.Exists(full))
            {
                var (input, _) = await LocalDataInput.CaptureAsync(full, display, cancellationToken).ConfigureAwait(false);
                byPath = new DatasetMatcher { Digest = input.Digest };
            }

            byPath.sources.Add(text);
            byPath.sources.Add(display.Show(full));
            byPath.sources.Add(full);
            return byPath;
        }

        public (string By, string? File)? Match(DataInput input)
        {
            if (Digest is not null && input.Digest == Digest)
            {
                return (DatasetUse.ByDigest, null);
            }

            if (Digest is not null && input.Files?.FirstOrDefault(f => f.Digest == Digest && f.LinkTarget is null) is { } inside)
            {
                return (DatasetUse.ByFileInFolder, inside.Path);
            }

            if (Md5 is not null && input.ContentMd5 == Md5)
            {
                return (DatasetUse.ByContentMd5, null);
            }

            return sources.Contains(input.Source) ? (DatasetUse.BySource, null) : null;
        }
    }
}
