using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelRegistry.Build.Cli;
using ModelRegistry.Build.Registration;
using ModelRegistry.Faces;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// Registers every model of a training project: one <c>model-registry register ... --json</c> per model (grouped by
/// the ModelArtifact items' Model metadata), with its metrics, thresholds, training data and configuration. A model
/// that misses a threshold is not registered and fails the build with the tool's MRB1203 errors, one per failed
/// rule (warnings with ThresholdFailure=Warning). The stamp file is written only when every model registered.
/// </summary>
public sealed class RegisterModel : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private CliRunner? runner;

    [Required]
    public ITaskItem[] Artifacts { get; set; } = [];

    public ITaskItem[] Metrics { get; set; } = [];

    public ITaskItem[] Thresholds { get; set; } = [];

    public ITaskItem[] TrainingData { get; set; } = [];

    public ITaskItem[] TrainingConfig { get; set; } = [];

    /// <summary>The registry location; empty lets the tool choose ($MODEL_REGISTRY, else .model-registry in the project folder).</summary>
    public string? Registry { get; set; }

    public string? Label { get; set; }

    /// <summary><c>key=value</c> tags.</summary>
    public string[] Tags { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>The training command line, recorded in the recipe.</summary>
    public string? TrainingCommand { get; set; }

    /// <summary>Names of environment variables whose values the recipe records (a seed; secret-looking names are refused by the tool).</summary>
    public string[] RecordedVariables { get; set; } = [];

    /// <summary>The container image training ran in, ideally <c>name@sha256:...</c>.</summary>
    public string? ContainerImage { get; set; }

    /// <summary>A JSON file declaring the model's inputs and outputs (<c>--schema</c>), relative to the project.</summary>
    public string? SchemaFile { get; set; }

    /// <summary><c>Error</c> (default) or <c>Warning</c>: how a missed threshold is reported.</summary>
    public string? ThresholdFailure { get; set; }

    [Required]
    public string StampFile { get; set; } = "";

    [Required]
    public string CliPath { get; set; } = "";

    public string? DotNetHost { get; set; }

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The project file, named as the file of every error.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>One item per model: Identity is the model name, with Version and Digest metadata.</summary>
    [Output]
    public ITaskItem[] RegisteredModels { get; private set; } = [];

    public void Cancel() => runner?.Cancel();

    public override bool Execute()
    {
        try
        {
            return Register();
        }
        catch (RegistryException e)
        {
            Log.LogCoded(e, ProjectFile);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private bool Register()
    {
        var warnOnGate = ParseThresholdFailure();
        if (File.Exists(StampFile))
        {
            File.Delete(StampFile);
        }

        runner = new CliRunner(CliPath, DotNetHost, ProjectDirectory, Log);
        var registered = new List<RegisteredVersion>();
        var allRegistered = true;
        foreach (var model in GroupByModel())
        {
            var result = runner.Run(CommandLine(model.Key, model.ToList()), Registry);
            if (result.Succeeded)
            {
                Log.RelayWarnings(result, ProjectFile);
                var version = CliDocument.Parse<RegistrationDocument>(result, "register");
                Log.LogMessage(MessageImportance.High, version.IsNew
                    ? $"{version.Model} version {version.Version} registered ({version.Digest})."
                    : $"{version.Model} is unchanged: version {version.Version} already has this recipe ({version.Digest}).");
                registered.Add(new RegisteredVersion(version.Model, version.Version, version.Digest));
            }
            else if (result.GateNotMet)
            {
                allRegistered = false;
                foreach (var diagnostic in result.Diagnostics)
                {
                    Log.Relay(diagnostic, ProjectFile, asWarning: warnOnGate);
                }

                Log.LogMessage(MessageImportance.High, $"{model.Key} was not registered: its metrics did not pass the thresholds.");
            }
            else
            {
                Log.LogFailure(result, "register", ProjectFile);
                return false;
            }
        }

        RegisteredModels = [.. registered.Select(ToItem)];
        if (allRegistered)
        {
            RegistrationStamp.Write(StampFile, registered);
        }

        return !Log.HasLoggedErrors;
    }

    private bool ParseThresholdFailure()
    {
        var value = (ThresholdFailure ?? "").Trim();
        return value.Length == 0 || value.Equals("Error", StringComparison.OrdinalIgnoreCase) ? false
            : value.Equals("Warning", StringComparison.OrdinalIgnoreCase) ? true
            : throw BuildErrors.InvalidThresholdFailure(value);
    }

    private IEnumerable<IGrouping<string, ITaskItem>> GroupByModel()
    {
        foreach (var artifact in Artifacts)
        {
            if (artifact.GetMetadata("Model").Trim().Length == 0)
            {
                throw BuildErrors.ModelArtifactWithoutModel(artifact.ItemSpec);
            }
        }

        return Artifacts.GroupBy(a => a.GetMetadata("Model").Trim(), StringComparer.OrdinalIgnoreCase);
    }

    private CliCommandLine CommandLine(string model, List<ITaskItem> artifacts)
    {
        var metrics = ForModel(Metrics, model).ToList();
        if (metrics.Count > 1)
        {
            throw BuildErrors.AmbiguousMetrics(model, metrics.Count);
        }

        return new RegisterCommandLine(model, [.. artifacts.Select(a => a.GetMetadata("FullPath"))])
        {
            Metrics = metrics.FirstOrDefault()?.GetMetadata("FullPath"),
            Thresholds = [.. ForModel(Thresholds, model).SelectMany(ThresholdRules.From)],
            Data = [.. ForModel(TrainingData, model).Select(Location)],
            Config = [.. ForModel(TrainingConfig, model).Select(c => c.GetMetadata("FullPath"))],
            Label = Label,
            Description = Description,
            Tags = Tags,
            TrainingCommand = TrainingCommand,
            RecordedVariables = RecordedVariables,
            ContainerImage = ContainerImage,
            Schema = string.IsNullOrWhiteSpace(SchemaFile) ? null : Path.GetFullPath(SchemaFile.Trim(), ProjectDirectory),
        }.ToCommandLine();
    }

    /// <summary>Items scoped to this model by their Model metadata, plus the unscoped ones.</summary>
    private static IEnumerable<ITaskItem> ForModel(ITaskItem[] items, string model) =>
        items.Where(i => i.GetMetadata("Model").Trim() is var scope && (scope.Length == 0 || scope.Equals(model, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Local data as a full path; a remote one (https://, az://) exactly as written.</summary>
    private static string Location(ITaskItem item) => RegisterCommandLine.DataLocation(item.ItemSpec, _ => item.GetMetadata("FullPath"));

    private static TaskItem ToItem(RegisteredVersion version)
    {
        var item = new TaskItem(version.Model);
        item.SetMetadata("Version", version.Version.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Digest", version.Digest);
        return item;
    }
}
