using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>What <c>model-registry restore</c> did: every reference pinned in the lock file and cached.</summary>
public sealed class ModelRegistryRestore
{
    /// <summary>Gets the lock file that was read (and written, when <see cref="LockWritten"/>).</summary>
    public string LockFile { get; init; } = "";

    /// <summary>Gets a value indicating whether the lock file changed.</summary>
    public bool LockWritten { get; init; }

    /// <summary>Gets the cache folder the models are in.</summary>
    public string Cache { get; init; } = "";

    /// <summary>Gets every reference, in the order given.</summary>
    public IReadOnlyList<RestoredModel> Models { get; init; } = [];
}

/// <summary>One reference restored: the version its lock entry pins and where the files are in the cache.</summary>
public sealed class RestoredModel
{
    /// <summary>Gets the model name.</summary>
    public string Model { get; init; } = "";

    /// <summary>Gets what the reference asked for: a stage, an alias, a number, a label, a digest or <c>latest</c>.</summary>
    public string Requested { get; init; } = "";

    /// <summary>Gets the version number the lock pins.</summary>
    public int Version { get; init; }

    /// <summary>Gets the version's digest.</summary>
    public string Digest { get; init; } = "";

    /// <summary>Gets the version's files.</summary>
    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    /// <summary>Gets the version's folder in the cache.</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets what happened to the pin: <c>pinned</c> (kept), <c>resolved</c> (new) or <c>moved</c> (a refresh found another version).</summary>
    public string Change { get; init; } = "";

    /// <summary>Gets the version pinned before, when the pin moved.</summary>
    public int? PreviousVersion { get; init; }

    /// <summary>Gets a value indicating whether the files were downloaded now (false: the cache held them).</summary>
    public bool Pulled { get; init; }

    /// <summary>Gets the path of a file of the version in the cache.</summary>
    /// <param name="path">The file's path inside the version (model.zip).</param>
    /// <returns>The file in the cache.</returns>
    public FilePath File(string path) => new DirectoryPath(Path).CombineWithFilePath(path);

    /// <inheritdoc />
    public override string ToString() => $"{Model}@{Requested} = version {Version} ({Digest})";
}
