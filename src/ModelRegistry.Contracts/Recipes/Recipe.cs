using System.Text.Json.Nodes;

namespace ModelRegistry.Recipes;

/// <summary>
/// How a model version was made, beside its artifact files: code, data, configuration, environment and the CI run.
/// Captured by ModelRegistry.Lineage at registration; stored in the version record. The engine's <c>RecipeIdentity</c>
/// says which fields decide whether two registrations are the same version.
/// </summary>
public sealed record Recipe
{
    public CodeLineage? Code { get; init; }

    public IReadOnlyList<DataInput> Data { get; init; } = [];

    public IReadOnlyList<ConfigInput> Config { get; init; } = [];

    public EnvironmentLineage? Environment { get; init; }

    public CiRun? Ci { get; init; }

    /// <summary>The training command line, when declared.</summary>
    public string? Command { get; init; }

    /// <summary>Coded warnings raised while capturing (shallow clone, not a git repository, …), each
    /// <c>MRB15xx: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The code that trained the model.</summary>
public sealed record CodeLineage
{
    /// <summary>False when the working folder is not inside a git repository.</summary>
    public bool IsRepository { get; init; }

    /// <summary>Remote URL with any credentials removed.</summary>
    public string? RepositoryUrl { get; init; }

    public string? Commit { get; init; }

    /// <summary>Branch name, or null on a detached HEAD.</summary>
    public string? Branch { get; init; }

    public bool Detached { get; init; }

    public string? Tag { get; init; }

    /// <summary>True when tracked or untracked changes were present.</summary>
    public bool Dirty { get; init; }

    /// <summary>Digest of the uncommitted changes, so two dirty trees with different edits differ.</summary>
    public string? DirtyDigest { get; init; }

    /// <summary>Path of the project inside the repository (monorepos).</summary>
    public string? ProjectPath { get; init; }

    public bool Shallow { get; init; }
}

/// <summary>One declared training input.</summary>
public sealed record DataInput
{
    /// <summary>file, folder, azure-blob or uri (<see cref="DataKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The path or URI as declared (credentials removed).</summary>
    public required string Source { get; init; }

    /// <summary>Content digest (a folder: digest of its sorted tree); null for plain URIs.</summary>
    public string? Digest { get; init; }

    public long? Size { get; init; }

    public int? FileCount { get; init; }

    /// <summary>Remote ETag or version id, when the source is a blob.</summary>
    public string? ETag { get; init; }

    /// <summary>A blob's Content-MD5 from its properties (<c>md5:</c> and hex), when the service had one.</summary>
    public string? ContentMd5 { get; init; }

    /// <summary>A blob's version id, when versioning is on for its account.</summary>
    public string? VersionId { get; init; }

    /// <summary>A blob's last modification time, as the service reported it.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>A folder's entries (path, digest, size), kept when the folder holds at most
    /// <see cref="MaxListedFiles"/> of them so that <c>diff</c> can name the files that changed.</summary>
    public IReadOnlyList<DataFileEntry>? Files { get; init; }

    public const int MaxListedFiles = 1000;

    /// <summary>What names this input's content: its digest, else a blob's version id, else its ETag; null for a plain
    /// URI, which only its source names. One rule for every view that groups or shows datasets.</summary>
    public string? ContentIdentity() => Digest ?? VersionId ?? ETag;

    /// <inheritdoc />
    public override string ToString() => $"{Source} ({ContentIdentity() ?? Kind})";
}

/// <summary>One declared configuration file.</summary>
public sealed record ConfigInput
{
    public required string Path { get; init; }

    public required string Digest { get; init; }

    /// <summary>Small JSON and YAML files, inlined (YAML as text).</summary>
    public JsonNode? Content { get; init; }
}

/// <summary>The machine and dependencies the training ran on.</summary>
public sealed record EnvironmentLineage
{
    public string? Os { get; init; }

    public string? Architecture { get; init; }

    public string? Runtime { get; init; }

    public IReadOnlyList<LockFile> LockFiles { get; init; } = [];

    public string? ContainerImage { get; init; }

    /// <summary>Only the variables the user asked for by name.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}

/// <summary>A dependency lock file found in the repository.</summary>
public sealed record LockFile(string Path, string Digest);

/// <summary>The CI run that registered the version.</summary>
public sealed record CiRun
{
    public required string Provider { get; init; }

    public string? RunId { get; init; }

    public string? Attempt { get; init; }

    public string? Workflow { get; init; }

    public string? Job { get; init; }

    public string? Actor { get; init; }

    public string? Event { get; init; }

    public string? Ref { get; init; }

    public string? Sha { get; init; }

    public string? RunUrl { get; init; }

    /// <summary>The workflow file and ref (<c>owner/repo/.github/workflows/train.yml@refs/heads/main</c>).</summary>
    public string? WorkflowRef { get; init; }

    /// <summary>The repository the run belongs to (<c>owner/repo</c>).</summary>
    public string? Repository { get; init; }
}
