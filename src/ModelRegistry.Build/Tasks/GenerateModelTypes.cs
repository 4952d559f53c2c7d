using Microsoft.Build.Framework;
using ModelRegistry.Build.References;
using ModelRegistry.Runtime;

namespace ModelRegistry.Build.Tasks;

/// <summary>Writes ModelRegistryModelTypes.g.cs (ModelInput and ModelOutput classes) for the ModelReferences with
/// GenerateModelTypes="true", from the schemas models.lock.json records, only when its text changes. A model whose lock
/// entry has no schema fails the build (MRB2113), as does a column type with no C# type (MRB2114).</summary>
public sealed class GenerateModelTypes : Microsoft.Build.Utilities.Task
{
    /// <summary>The ModelReference items that generate types.</summary>
    public ITaskItem[] References { get; set; } = [];

    [Required]
    public string LockFile { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    public string? ProjectFile { get; set; }

    public override bool Execute()
    {
        try
        {
            var lockFile = ModelLockFile.Read(LockFile);
            var models = References.Select(reference =>
            {
                var model = reference.ItemSpec.Trim();
                var entry = lockFile?.Find(model) ?? throw ContractErrors.LockFileMalformed(LockFile, $"it has no entry for {model}");
                return entry.Schema is { } schema ? (entry.Model, entry.Version, schema) : throw BuildErrors.ModelTypesWithoutSchema(entry.Model, entry.Version, LockFile);
            }).ToList();
            GeneratedSource.Write(OutputFile, ModelTypesWriter.Write(models), Log);
        }
        catch (RegistryException e)
        {
            Log.LogCoded(e, ProjectFile);
        }

        return !Log.HasLoggedErrors;
    }
}
