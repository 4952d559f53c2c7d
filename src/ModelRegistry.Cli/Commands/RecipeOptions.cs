using System.CommandLine;
using ModelRegistry.Lineage;
using ModelRegistry.Recipes;
using ModelRegistry.Storage;

namespace ModelRegistry.Cli.Commands;

/// <summary>The lineage options of <c>register</c> and how they become the version's recipe (through
/// <see cref="RecipeCapture"/>; docs/lineage.md says what is captured and what takes part in identity).</summary>
internal sealed class RecipeOptions
{
    private readonly Option<string[]> data = new("--data")
    {
        Description = "A training input: a file, a folder (hashed as a sorted tree), an Azure blob URI or any URI (repeatable).",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string[]> config = new("--config")
    {
        Description = "A configuration file training read, recorded by digest; small JSON and YAML are inlined (repeatable).",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> command = new("--command") { Description = "The training command line, recorded in the recipe (URLs without credentials)." };

    private readonly Option<string[]> variables = new("--env")
    {
        Description = "The name of an environment variable to record, such as SEED (repeatable; secret-looking names are refused).",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> image = new("--container-image") { Description = "The container image training ran in, ideally name@sha256:<digest>." };

    private readonly Option<string?> projectDirectory = new("--project-dir")
    {
        Description = "The training project's folder: the code is read from the git repository holding it. Default: the current directory.",
    };

    public IEnumerable<Option> All => [data, config, command, variables, image, projectDirectory];

    /// <summary>Captures the recipe; <paramref name="outputs"/> (artifacts, metrics file) stay out of the
    /// uncommitted-changes digest, and so does a registry folder inside the repository.</summary>
    public async Task<Recipe> CaptureAsync(ParseResult parse, IEnumerable<string> outputs, CancellationToken cancellationToken)
    {
        var excluded = outputs.Select(Path.GetFullPath).ToList();
        if (LocalRegistryFolder(parse.GetValue(CommonOptions.Registry)) is { } registryFolder)
        {
            excluded.Add(registryFolder);
        }

        // Paths on the command line are relative to where the user typed them, whatever --project-dir says.
        return await RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = Path.GetFullPath(parse.GetValue(projectDirectory) ?? "."),
            Data = [.. parse.GetValue(data)!.Select(AbsoluteUnlessUri)],
            Config = [.. parse.GetValue(config)!.Select(AbsoluteUnlessUri)],
            Command = parse.GetValue(command),
            EnvironmentVariables = parse.GetValue(variables)!,
            ContainerImage = parse.GetValue(image),
            ExcludedPaths = excluded,
        }, cancellationToken);
    }

    private static string AbsoluteUnlessUri(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Contains("://", StringComparison.Ordinal) ? value : Path.GetFullPath(value);

    private static string? LocalRegistryFolder(string? location)
    {
        var chosen = RegistryLocation.Choose(location);
        if (chosen.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(chosen).LocalPath;
        }

        return chosen.Contains("://", StringComparison.Ordinal) ? null : Path.GetFullPath(chosen);
    }
}
