using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelRegistry.Build.Registration;

namespace ModelRegistry.Build.Tasks;

/// <summary>
/// Reads the registration stamp in the MSBuild node, so that a build whose registration target was skipped
/// (nothing changed) still knows the versions: RegisteredModel items and, for a project with one model,
/// ModelRegistryVersion and ModelRegistryDigest.
/// </summary>
public sealed class ReadModelRegistration : Microsoft.Build.Utilities.Task
{
    [Required]
    public string StampFile { get; set; } = "";

    [Output]
    public ITaskItem[] RegisteredModels { get; private set; } = [];

    /// <summary>The version number when the project registers exactly one model.</summary>
    [Output]
    public string? Version { get; private set; }

    [Output]
    public string? Digest { get; private set; }

    public override bool Execute()
    {
        var versions = RegistrationStamp.Read(StampFile);
        RegisteredModels = [.. versions.Select(v =>
        {
            var item = new TaskItem(v.Model);
            item.SetMetadata("Version", v.Version.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("Digest", v.Digest);
            return (ITaskItem)item;
        })];
        if (versions.Count == 1)
        {
            Version = versions[0].Version.ToString(CultureInfo.InvariantCulture);
            Digest = versions[0].Digest;
        }

        return true;
    }
}
