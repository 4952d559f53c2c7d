using Azure.Core;

namespace ModelRegistry.Lineage;

/// <summary>What to capture besides what is found by itself (code, environment, CI run): the declared inputs.
/// Every face builds one of these from its own spelling of the options (<c>--data</c>, <c>ModelRegistryData</c> items, …).</summary>
public sealed record CaptureOptions
{
    /// <summary>The folder training ran in; relative data and config paths are resolved against it, and the code
    /// is read from the git repository that holds it. Default: the current directory.</summary>
    public string ProjectDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Declared data inputs: local files and folders, Azure blob URIs, other URIs.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Declared configuration files.</summary>
    public IReadOnlyList<string> Config { get; init; } = [];

    /// <summary>The training command line; URLs in it are recorded without credentials.</summary>
    public string? Command { get; init; }

    /// <summary>Names of environment variables to record (never all of them, never secret-looking ones).</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = [];

    /// <summary>The container image training ran in, ideally <c>name@sha256:…</c>.</summary>
    public string? ContainerImage { get; init; }

    /// <summary>Files and folders that are outputs, not inputs, and so are left out of the uncommitted-changes
    /// digest: the artifacts, the metrics file, a registry folder inside the repository. Declared data inputs
    /// are left out too, since their own digests record them.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary>Reads an environment variable (CI detection, <see cref="EnvironmentVariables"/>, the storage
    /// connection string). Default: the process environment.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>A credential for reading Azure blob properties when the URI carries no SAS and no connection
    /// string names its account.</summary>
    public TokenCredential? BlobCredential { get; init; }

    /// <summary>Endpoints that serve the Azure Blob API under other host names (an emulator:
    /// <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public IReadOnlyList<Uri> AzureBlobEndpoints { get; init; } = [];
}
