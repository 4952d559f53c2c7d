using ModelRegistry.Lineage.Ci;
using ModelRegistry.Lineage.Code;
using ModelRegistry.Lineage.Config;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Lineage.Machine;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage;

/// <summary>
/// Captures the whole recipe of a training run at registration: code, data, configuration, environment and CI run.
/// Nothing is typed by hand. What cannot be known (no repository, an unreachable blob) is recorded as such with a
/// coded warning; what must be known and cannot be read (a declared data file) is an error.
/// </summary>
public static class RecipeCapture
{
    public static async Task<Recipe> CaptureAsync(CaptureOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnvironmentCapture.Validate(options.EnvironmentVariables);
        var project = Path.GetFullPath(options.ProjectDirectory);
        var display = new PathDisplay(PathDisplay.FindRepositoryRoot(project));

        // Declared data is recorded by its own digest, so it stays out of the uncommitted-changes digest.
        var localData = options.Data
            .Where(d => !string.IsNullOrWhiteSpace(d) && LocalDataInput.RemoteUri(d) is null)
            .Select(d => LocalDataInput.FullPath(d, project));
        var excluded = options.ExcludedPaths.Select(p => Path.GetFullPath(p, project)).Concat(localData).ToList();

        var git = Task.Run(() => GitCapture.Capture(project, excluded, cancellationToken), cancellationToken);
        var data = new List<(DataInput Input, IReadOnlyList<string> Warnings)>();
        foreach (var declared in options.Data)
        {
            data.Add(await DataCapture.CaptureAsync(declared, options with { ProjectDirectory = project }, display, cancellationToken).ConfigureAwait(false));
        }

        var config = new List<(ConfigInput Input, string? Warning)>();
        foreach (var declared in options.Config)
        {
            config.Add(await ConfigCapture.CaptureAsync(declared, project, display, cancellationToken).ConfigureAwait(false));
        }

        var code = await git.ConfigureAwait(false);
        var (environment, environmentWarnings) = EnvironmentCapture.Capture(options, code.LockFiles);
        return new Recipe
        {
            Code = code.Code,
            Data = [.. data.Select(d => d.Input)],
            Config = [.. config.Select(c => c.Input)],
            Environment = environment,
            Ci = GitHubActionsCapture.Capture(options.GetVariable),
            Command = string.IsNullOrWhiteSpace(options.Command) ? null : CommandRedaction.Redact(options.Command),
            Warnings =
            [
                .. code.Warnings,
                .. data.SelectMany(d => d.Warnings),
                .. config.Select(c => c.Warning).OfType<string>(),
                .. environmentWarnings,
            ],
        };
    }
}
