using LibGit2Sharp;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Code;

/// <summary>
/// Reads the code lineage from the git repository that holds the project folder: remote URL (credentials removed),
/// commit, branch or detached HEAD, a tag on HEAD, uncommitted changes, the project's path inside the repository,
/// a shallow clone, and the dependency lock files. Nothing here walks the history, so its cost does not grow with
/// the number of commits. A folder outside any repository, or a repository that cannot be read, gives a warning and
/// a <see cref="CodeLineage"/> that says so, never an exception.
/// </summary>
internal static class GitCapture
{
    public static GitResult Capture(string projectDirectory, IReadOnlyList<string> excludedPaths, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        string? gitDirectory;
        try
        {
            gitDirectory = Repository.Discover(projectDirectory);
        }
        catch (LibGit2SharpException e)
        {
            warnings.Add(LineageErrors.RepositoryUnreadableWarning(projectDirectory, e.Message));
            return new GitResult(new CodeLineage { IsRepository = false }, [], warnings);
        }

        if (gitDirectory is null)
        {
            warnings.Add(LineageErrors.NotARepositoryWarning(projectDirectory));
            return new GitResult(new CodeLineage { IsRepository = false }, LockFiles.Scan(projectDirectory, new PathDisplay(null)), warnings);
        }

        try
        {
            using var repository = new Repository(gitDirectory);
            if (repository.Info.WorkingDirectory is null)
            {
                warnings.Add(LineageErrors.NotARepositoryWarning(projectDirectory));
                return new GitResult(new CodeLineage { IsRepository = false }, [], warnings);
            }

            return Read(repository, projectDirectory, excludedPaths, warnings, cancellationToken);
        }
        catch (LibGit2SharpException e)
        {
            warnings.Add(LineageErrors.RepositoryUnreadableWarning(projectDirectory, e.Message));
            return new GitResult(new CodeLineage { IsRepository = false }, [], warnings);
        }
    }

    private static GitResult Read(Repository repository, string projectDirectory, IReadOnlyList<string> excludedPaths, List<string> warnings, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory);
        var display = new PathDisplay(root);
        var info = repository.Info;
        var head = info.IsHeadUnborn ? null : repository.Head.Tip;
        if (head is null)
        {
            warnings.Add(LineageErrors.NoCommitsWarning(root));
        }

        if (info.IsShallow)
        {
            warnings.Add(LineageErrors.ShallowCloneWarning(root));
        }

        var status = repository.RetrieveStatus(new StatusOptions
        {
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
            ExcludeSubmodules = true,
        });
        var changes = status
            .Where(e => e.State is not FileStatus.Unaltered and not FileStatus.Ignored)
            .Select(e => e.FilePath)
            .Where(path => !IsExcluded(Path.Combine(root, path), excludedPaths))
            .ToList();
        var projectPath = display.Show(Path.GetFullPath(projectDirectory));

        var code = new CodeLineage
        {
            IsRepository = true,
            RepositoryUrl = RemoteUrl(repository),
            Commit = head?.Sha,
            Branch = info.IsHeadDetached ? null : repository.Head.FriendlyName,
            Detached = info.IsHeadDetached,
            Tag = head is null ? null : TagAt(repository, head.Sha),
            Dirty = changes.Count > 0,
            DirtyDigest = changes.Count > 0 ? ChangeDigest.Compute(root, changes, cancellationToken) : null,
            ProjectPath = projectPath,
            Shallow = info.IsShallow,
        };

        var candidates = repository.Index.Select(e => e.Path)
            .Concat(status.Untracked.Select(e => e.FilePath))
            .Select(p => p.Replace('\\', '/'));
        return new GitResult(code, LockFiles.Select(root, projectPath, candidates), warnings);
    }

    private static string? RemoteUrl(Repository repository)
    {
        var remote = repository.Network.Remotes["origin"] ?? repository.Network.Remotes.OrderBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault();
        return remote?.Url is { Length: > 0 } url ? SecretRedaction.Scrub(UrlRedaction.Redact(url)) : null;
    }

    private static string? TagAt(Repository repository, string sha) =>
        repository.Tags
            .Where(t => t.PeeledTarget?.Sha == sha)
            .Select(t => t.FriendlyName)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    private static bool IsExcluded(string fullPath, IReadOnlyList<string> excludedPaths) =>
        excludedPaths.Any(excluded => PathDisplay.IsWithin(fullPath, excluded));
}

/// <summary>What <see cref="GitCapture"/> found.</summary>
internal sealed record GitResult(CodeLineage Code, IReadOnlyList<LockFile> LockFiles, IReadOnlyList<string> Warnings);
