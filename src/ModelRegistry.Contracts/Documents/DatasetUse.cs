namespace ModelRegistry;

/// <summary>One version trained on the data asked about, with its stage at the time the question is asked for.</summary>
public sealed record DatasetUse
{
    public const string ByDigest = "digest";

    public const string ByFileInFolder = "file-in-folder";

    public const string ByContentMd5 = "content-md5";

    /// <summary>Same path or URI as recorded; the content may have been different then.</summary>
    public const string BySource = "source";

    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary>The version's immutable ID.</summary>
    public required string Digest { get; init; }

    public required string Stage { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public DateTimeOffset Created { get; init; }

    /// <summary>The data input of the version that matched, as recorded.</summary>
    public required string Input { get; init; }

    public string? InputDigest { get; init; }

    /// <summary>How it matched: <see cref="ByDigest"/>, <see cref="ByFileInFolder"/>, <see cref="ByContentMd5"/> or <see cref="BySource"/>.</summary>
    public required string MatchedBy { get; init; }

    /// <summary>When the data asked about is one file inside a recorded folder: its path there.</summary>
    public string? MatchedFile { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Model}@{Version} ({Stage})";
}
