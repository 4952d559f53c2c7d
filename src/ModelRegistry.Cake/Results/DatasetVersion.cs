namespace ModelRegistry.Cake;

/// <summary>One version trained on the dataset asked about.</summary>
public sealed class DatasetVersion
{
    /// <summary>Gets the model.</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets the version number.</summary>
    public int Version { get; init; }

    /// <summary>Gets the version's immutable ID.</summary>
    public string Digest { get; init; } = "";

    /// <summary>Gets the version's stage (now, or at the time asked for).</summary>
    public string Stage { get; init; } = "";

    /// <summary>Gets when the version was registered.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Gets the data input of the version that matched, as recorded.</summary>
    public string Input { get; init; } = "";

    /// <summary>Gets how it matched: digest, file-in-folder, content-md5 or source.</summary>
    public string MatchedBy { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => $"{Model}@{Version} ({Stage})";
}
